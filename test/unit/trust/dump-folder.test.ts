import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDumpFolder } from '../../../core/trust/dump-folder.ts';
import { parseLdif } from '../../../core/trust/ldif.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { isEidError } from '../../../core/errors.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';

const dir = mkdtempSync(join(tmpdir(), 'eid-dump-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('dump names: with or without .bin, any case, EF. prefix; other files ignored', () => {
  const d = join(dir, 'names');
  mkdirSync(d);
  for (const name of ['EF.COM', 'sod.bin', 'DG1.bin', 'dg13', 'CardSecurity.bin', 'notes.txt', 'DG17', 'DG2.jpg']) writeFileSync(join(d, name), Uint8Array.of(/^sod/i.test(name) ? 0x77 : 1));
  assert.deepEqual([...readDumpFolder(d).keys()].sort(), ['COM', 'CardSecurity', 'DG1', 'DG13', 'SOD']);
});

test('dump errors: missing folder, empty folder, a file twice', () => {
  assert.throws(() => readDumpFolder(join(dir, 'missing')), (e) => isEidError(e, 'DUMP_INVALID'));
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  assert.throws(() => readDumpFolder(empty), (e) => isEidError(e, 'DUMP_INVALID'));
  const twice = join(dir, 'twice');
  mkdirSync(twice);
  writeFileSync(join(twice, 'SOD'), Uint8Array.of(1));
  writeFileSync(join(twice, 'SOD.bin'), Uint8Array.of(1));
  assert.throws(() => readDumpFolder(twice), (e) => isEidError(e, 'DUMP_INVALID'));
});

test('hostile trust files give typed errors', () => {
  const cases: Uint8Array[] = [
    utf8('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
    utf8('-----BEGIN NOTHING\n'),
    utf8('dn: cn=x\ncACertificate;binary: not-base64\n'),
    Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff),
    Uint8Array.of(0x30, 0x80, 0x30, 0x80),
    new Uint8Array(0),
  ];
  for (const bytes of cases) {
    assert.throws(() => loadTrustBytes(new TrustStore(), bytes, 'hostile'), (e) => isEidError(e), String(bytes.subarray(0, 16)));
  }
  assert.deepEqual(parseLdif('version: 1\n\n# nothing here\n'), []);
});
