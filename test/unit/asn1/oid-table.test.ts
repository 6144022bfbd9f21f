import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ECDSA_OIDS, ECDSA_PLAIN_OIDS, HASH_OIDS, NAME_ATTRIBUTES, OID, RSA_PKCS1_OIDS } from '../../../core/asn1/oids.ts';

/** The only files of core/ that may spell an OID: the table, and the named curves beside their parameters. */
const OID_OWNERS = ['core/asn1/oids.ts', 'core/crypto/ec/curve-params.ts'];
const OID_LITERAL = /['"`][0-2](?:\.\d+){3,}['"`.]/g;

function sourcesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourcesUnder(path, out);
    else if (entry.endsWith('.ts')) out.push(path);
  }
  return out;
}

function oidLiteralsOutsideTable(root: string): string[] {
  const found: string[] = [];
  for (const file of sourcesUnder(join(root, 'core'))) {
    const rel = relative(root, file).split('\\').join('/');
    if (OID_OWNERS.includes(rel)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(OID_LITERAL)) found.push(`${rel}: ${m[0]}`);
  }
  return found;
}

test('core spells OIDs only in the one table: parsers and writers import it', () => {
  assert.deepEqual(oidLiteralsOutsideTable(process.cwd()), []);
});

test('the OID table names every OID once', () => {
  const all = [
    ...Object.values(OID), ...Object.values(HASH_OIDS), ...Object.values(RSA_PKCS1_OIDS), ...Object.values(ECDSA_OIDS),
    ...Object.values(ECDSA_PLAIN_OIDS), ...Object.values(NAME_ATTRIBUTES).map((a) => a.oid),
  ];
  assert.deepEqual(all.filter((oid, i) => all.indexOf(oid) !== i), []);
  for (const oid of all) assert.match(oid, /^[0-2](\.\d+)+$/);
});
