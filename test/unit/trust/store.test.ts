import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { parseLdif } from '../../../core/trust/ldif.ts';
import { toPem } from '../../../core/trust/pem.ts';
import { importTrustFile, loadTrustStore, removeTrusted } from '../../../core/trust/store-folder.ts';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { isEidError } from '../../../core/errors.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { createCrl, csca, documentSigner, NOW } from './pki-fixtures.ts';
import { realData } from '../../../fixtures/index.ts';

const root = csca('store-root');
const second = csca('store-second', { kind: 'ec', curve: 'P-384' }, 'Second CSCA');
const crl = createCrl(root, [], { thisUpdate: NOW, nextUpdate: new Date('2027-01-01T00:00:00Z') });
const ds = documentSigner(root, 'store-ds');

function b64(der: Uint8Array): string {
  // LDIF folds long lines at 76 columns with a leading space.
  return Buffer.from(der).toString('base64').replace(/(.{76})/g, '$1\n ');
}

test('indexes: by SKI, by subject, issuer candidates; duplicates are kept once; remove', () => {
  const store = new TrustStore();
  const a = store.addCertificate(parseCertificate(root.der), 'a');
  store.addCertificate(parseCertificate(root.der), 'again');
  assert.equal(store.size, 1);
  assert.deepEqual(store.findBySubjectKeyIdentifier(a.certificate.subjectKeyIdentifier!), [a]);
  assert.deepEqual(store.issuerCandidates(parseCertificate(ds.der)), [a]);
  assert.equal(store.remove(a.fingerprint.replace(/(..)/g, '$1:').slice(0, -1).toUpperCase()), true);
  assert.equal(store.size, 0);
  assert.deepEqual(store.issuerCandidates(parseCertificate(ds.der)), []);
});

test('PEM with several certificates and a CRL loads; a DS certificate is never a trust anchor', () => {
  const store = new TrustStore();
  const pem = toPem('CERTIFICATE', root.der) + toPem('CERTIFICATE', second.der) + toPem('X509 CRL', crl) + toPem('CERTIFICATE', ds.der);
  const report = loadTrustBytes(store, utf8(pem), 'bundle.pem', NOW);
  assert.equal(report.kind, 'pem');
  assert.equal(report.certificatesAdded, 2);
  assert.equal(report.crlsAdded, 1);
  assert.equal(report.skipped, 1);
  assert.equal(store.byCountry().get('UT')?.length, 2);
  assert.throws(() => loadTrustBytes(new TrustStore(), ds.der, 'ds.der', NOW), (e) => isEidError(e, 'TRUST_FILE_INVALID'));
});

test('a CSCA with a broken self-signature is refused', () => {
  const bad = Uint8Array.from(root.der);
  bad[bad.length - 2] = bad[bad.length - 2]! ^ 0x01;
  assert.throws(() => loadTrustBytes(new TrustStore(), bad, 'bad.der', NOW), (e) => isEidError(e, 'TRUST_FILE_INVALID') || isEidError(e, 'ASN1_MALFORMED'));
});

test('ICAO PKD LDIF, old and current attribute names, with a master list entry', () => {
  const ldif = [
    'version: 1',
    '',
    'dn: cn=CSCA,o=csca,c=UT,dc=data,dc=download,dc=pkd,dc=icao,dc=int',
    'objectClass: pkdDownload',
    `cACertificate;binary:: ${b64(root.der)}`,
    '',
    'dn: cn=CSCA2,o=csca,c=UT,dc=data',
    `userCertificate;binary:: ${b64(second.der)}`,
    '',
    'dn: cn=CRL,o=crl,c=UT,dc=data',
    `certificateRevocationList;binary:: ${b64(crl)}`,
    '',
    'dn: cn=ML,o=ml,c=NL,dc=data',
    `pkdMasterListContent:: ${b64(realData('master-lists/NL_ML_2026-07-22.ml'))}`,
    '',
  ].join('\n');
  assert.deepEqual(parseLdif(ldif).map((i) => i.kind), ['caCertificate', 'certificate', 'crl', 'masterList']);
  const store = new TrustStore();
  const report = loadTrustBytes(store, utf8(ldif), 'pkd.ldif', new Date('2026-08-01T00:00:00Z'));
  assert.equal(report.kind, 'ldif');
  assert.equal(report.crlsAdded, 1);
  assert.ok(store.byCountry().get('NL')!.length > 1);
  assert.equal(store.byCountry().get('UT')!.length, 2);
  assert.ok(report.notes.some((n) => /master list signed by/.test(n)));
});

test('store folder: import copies and persists, remove persists even for master list members', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-trust-'));
  try {
    const userFolder = join(dir, 'trust');
    const shipped = join(dir, 'certs');
    const src = join(dir, 'root.pem');
    writeFileSync(src, toPem('CERTIFICATE', root.der));
    const first = loadTrustStore({ shipped: [shipped], userFolder }, NOW);
    assert.equal(first.store.size, 0);
    importTrustFile(first.store, userFolder, src, NOW);
    assert.equal(first.store.size, 1);
    assert.equal(readdirSync(userFolder).length, 1);
    const again = loadTrustStore({ shipped: [shipped], userFolder }, NOW);
    assert.equal(again.store.size, 1);
    const fp = again.store.certificates()[0]!.fingerprint;
    assert.equal(removeTrusted(again.store, userFolder, fp), true);
    assert.equal(loadTrustStore({ shipped: [shipped], userFolder }, NOW).store.size, 0);
    assert.equal(removeTrusted(again.store, userFolder, fp), false);
    // A broken file in the folder is reported, the rest still loads.
    writeFileSync(join(userFolder, 'junk.der'), Uint8Array.of(1, 2, 3));
    importTrustFile(again.store, userFolder, src, NOW);
    const withJunk = loadTrustStore({ shipped: [shipped], userFolder }, NOW);
    assert.equal(withJunk.store.size, 1);
    assert.equal(withJunk.failures.length, 1);
    assert.throws(() => importTrustFile(again.store, userFolder, join(userFolder, 'junk.der'), NOW));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a registry trust list (DER CSCAs and CRLs) loads; a DS among them is skipped', async () => {
  const { loadTrustList } = await import('../../../core/trust/trust-files.ts');
  const store = new TrustStore();
  const report = loadTrustList(store, { cscas: [root.der, second.der, ds.der], crls: [crl] }, 'registry trust list v3', NOW);
  assert.deepEqual([report.certificatesAdded, report.crlsAdded, report.skipped], [2, 1, 1]);
  assert.equal(store.crlsIssuedBy(parseCertificate(root.der).subject).length, 1);
});
