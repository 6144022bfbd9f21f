/**
 * `eid-terminal trust list|import|remove`: the CSCA trust store (<data-dir>/trust plus certs/).
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { EidError } from '../../core/errors.ts';
import { jsonMessage, messageText, print, printError, printJson, usageError } from '../output.ts';
import type { TrustStore, TrustedCertificate } from '../../core/trust/store.ts';
import { importTrustFile, loadTrustStore, removeTrusted, SHIPPED_CERTS_DIR, trustFolderOf, type TrustFailure } from '../../core/trust/store-folder.ts';

const HELP = `Usage:
  eid-terminal trust list [--json] [--data-dir DIR]
  eid-terminal trust import FILE... [--json] [--data-dir DIR]
  eid-terminal trust remove FINGERPRINT [--json] [--data-dir DIR]

list    every CSCA and link certificate in the store, by country: subject, validity, SHA-256
        fingerprint, where it came from
import  verifies each file (certificate PEM/DER, ICAO master list .ml with its signature checked,
        ICAO PKD LDIF, CRL) and copies it into <data-dir>/trust
remove  removes the certificate or CRL with this SHA-256 fingerprint (also when it came from a
        master list or certs/: the removal is remembered)`;

function describe(c: TrustedCertificate): Record<string, unknown> {
  const cert = c.certificate;
  return {
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    serialNumber: cert.serialNumber.toString(16),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    fingerprint: c.fingerprint,
    link: !c.selfIssued,
    knownAs: c.knownAs ?? null,
    source: c.source,
  };
}

function listJson(store: TrustStore, failures: readonly TrustFailure[]): unknown {
  return {
    countries: [...store.byCountry()].map(([country, certs]) => ({ country, certificates: certs.map(describe) })),
    crls: store.crls().map((c) => ({
      issuer: c.crl.issuer.text,
      thisUpdate: c.crl.thisUpdate.toISOString(),
      nextUpdate: c.crl.nextUpdate?.toISOString() ?? null,
      revoked: c.crl.revoked.length,
      fingerprint: c.fingerprint,
      source: c.source,
    })),
    failures: failures.map((f) => ({ file: f.file, error: jsonMessage(f.error) })),
  };
}

function printList(store: TrustStore, failures: readonly TrustFailure[]): void {
  const groups = store.byCountry();
  print(`${store.size} CSCA certificate(s) from ${groups.size} countr${groups.size === 1 ? 'y' : 'ies'}, ${store.crls().length} CRL(s)`);
  for (const [country, certs] of groups) {
    print(`\n${country}`);
    for (const c of certs) {
      const cert = c.certificate;
      print(`  ${c.knownAs ? `${c.knownAs}: ` : ''}${cert.subject.text}${c.selfIssued ? '' : ' [link certificate]'}`);
      print(`    valid ${cert.notBefore.toISOString().slice(0, 10)} to ${cert.notAfter.toISOString().slice(0, 10)}  SHA-256 ${c.fingerprint}`);
      print(`    from ${c.source}`);
    }
  }
  for (const c of store.crls()) print(`\nCRL ${c.crl.issuer.text}, next update ${c.crl.nextUpdate?.toISOString().slice(0, 10) ?? 'none'}, ${c.crl.revoked.length} revoked, from ${c.source}`);
  for (const f of failures) printError(`not loaded: ${f.file}: ${messageText(f.error)}`);
}

export const command: Command = {
  summary: 'list, import or remove trusted CSCA certificates, master lists and CRLs',
  async run(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    const [sub, ...rest] = positionals;
    if (values.help || sub === undefined) {
      print(HELP);
      return values.help ? 0 : 2;
    }
    const userFolder = trustFolderOf(resolveDataDir(values['data-dir']));
    const { store, failures } = loadTrustStore({ shipped: [SHIPPED_CERTS_DIR], userFolder });
    if (sub === 'list') {
      if (rest.length) throw usageError('trust list takes no file');
      if (values.json) printJson(listJson(store, failures));
      else printList(store, failures);
      return 0;
    }
    if (sub === 'import') {
      if (rest.length === 0) throw usageError('trust import needs at least one FILE');
      const reports = rest.map((file) => importTrustFile(store, userFolder, file));
      if (values.json) printJson({ imported: reports });
      else {
        for (const r of reports) {
          const signers = r.documentSignersAdded ? `, ${r.documentSignersAdded} document signer certificate(s) kept for SODs without one` : '';
          print(`${r.source}: ${r.kind}, ${r.certificatesAdded} certificate(s) and ${r.crlsAdded} CRL(s) added${signers}, ${r.skipped} skipped`);
          for (const n of r.notes) print(`  ${n}`);
        }
      }
      return 0;
    }
    if (sub === 'remove') {
      if (rest.length !== 1) throw usageError('trust remove needs one FINGERPRINT');
      const removed = removeTrusted(store, userFolder, rest[0]!);
      if (!removed) throw new EidError('TRUST_NOT_FOUND', { fingerprint: rest[0]! });
      if (values.json) printJson({ removed: rest[0] });
      else print(`Removed ${rest[0]}`);
      return 0;
    }
    throw usageError(`unknown trust subcommand "${sub}"`);
  },
};
