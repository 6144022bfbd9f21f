import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { parseCrl } from '../../../core/asn1/crl.ts';
import { validateDocumentSigner } from '../../../core/trust/certificate-path.ts';
import { checkRevocation } from '../../../core/trust/revocation.ts';
import { passiveAuthentication } from '../../../core/trust/passive-auth.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { tlv } from '../../../core/bytes/tlv.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { createCrl, createLinkCertificate, csca, DATA_GROUPS, documentSigner, NOW, sodFor, YEARS } from './pki-fixtures.ts';

/** When sodFor's SODs are signed (inside YEARS(2025, 2035), the default DS validity). */
const SIGNED = new Date('2025-06-01T00:00:00Z');
const root = csca('root');
const ds = documentSigner(root, 'one');

function storeWith(...ders: Uint8Array[]): TrustStore {
  const s = new TrustStore();
  for (const d of ders) s.addCertificate(parseCertificate(d), 'test');
  return s;
}

test('DS signed by a trusted CSCA: PASS naming the CSCA', () => {
  const r = validateDocumentSigner(parseCertificate(ds.der), storeWith(root.der), { signedAt: SIGNED });
  assert.equal(r.status, 'PASS');
  assert.equal(r.csca?.certificate.subject.commonName, 'Test CSCA');
});

test('a DS that had expired or was not yet valid when it signed: FAIL (DS_NOT_VALID_WHEN_SIGNED)', () => {
  const old = documentSigner(root, 'old', 0x43n, YEARS(2021, 2024));
  const r = validateDocumentSigner(parseCertificate(old.der), storeWith(root.der), { signedAt: SIGNED });
  assert.equal(r.status, 'FAIL');
  assert.deepEqual(r.reason, { code: 'DS_NOT_VALID_WHEN_SIGNED', params: { basis: 'signingTime', from: '2025-06-01', to: '2025-06-01', validFrom: '2021-01-01', validTo: '2024-01-01' } });
  const future = documentSigner(root, 'future', 0x44n, { notBefore: new Date('2024-07-01T00:00:00Z'), notAfter: new Date('2034-07-01T00:00:00Z') });
  assert.equal(validateDocumentSigner(parseCertificate(future.der), storeWith(root.der), { signedAt: new Date('2024-06-01T00:00:00Z') }).reason?.code, 'DS_NOT_VALID_WHEN_SIGNED');
});

test('no signingTime: the DS is judged within its own validity, never at the verification date', () => {
  const old = parseCertificate(documentSigner(root, 'old-no-time', 0x45n, YEARS(2021, 2024)).der);
  assert.equal(validateDocumentSigner(old, storeWith(root.der), { signedAt: undefined }).status, 'PASS');
  // A key usage period wholly outside the certificate: that key never signed while the certificate was valid.
  const usageOutside = { ...old, privateKeyUsagePeriod: { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2026-04-01T00:00:00Z') } };
  assert.deepEqual(validateDocumentSigner(usageOutside, storeWith(root.der), { signedAt: undefined }).reason, {
    code: 'DS_NOT_VALID_WHEN_SIGNED', params: { basis: 'privateKeyUsagePeriod', from: '2026-01-01', to: '2026-04-01', validFrom: '2021-01-01', validTo: '2024-01-01' },
  });
});

test('the CSCA must have been valid, and inside its key usage period, when it issued the DS', () => {
  // csca() gives a private key usage period of five years from its notBefore (2020 .. 2025-01-01).
  const late = parseCertificate(documentSigner(root, 'late', 0x46n, YEARS(2026, 2036)).der);
  assert.deepEqual(validateDocumentSigner(late, storeWith(root.der), { signedAt: new Date('2026-06-01T00:00:00Z') }).reason, {
    code: 'CSCA_KEY_USAGE_PERIOD', params: { issuedAt: '2026-01-01', usageFrom: '2020-01-01', usageTo: '2025-01-01' },
  });
  const young = csca('young', { kind: 'ec', curve: 'P-256' }, 'Test CSCA', YEARS(2027, 2050));
  const before = parseCertificate(documentSigner(young, 'before-csca', 0x47n, YEARS(2026, 2036)).der);
  assert.deepEqual(validateDocumentSigner(before, storeWith(young.der), { signedAt: new Date('2026-06-01T00:00:00Z') }).reason, {
    code: 'CSCA_NOT_VALID_WHEN_DS_ISSUED', params: { issuedAt: '2026-01-01', validFrom: '2027-01-01', validTo: '2050-01-01' },
  });
  // The same CSCA key re-certified with a validity that covers the DS: that certificate vouches.
  const lapsedRoot = csca('root', { kind: 'ec', curve: 'P-256' }, 'Test CSCA', YEARS(2020, 2024));
  assert.equal(validateDocumentSigner(parseCertificate(ds.der), storeWith(lapsedRoot.der, root.der), { signedAt: SIGNED }).status, 'PASS');
});

test('unknown CSCA: UNKNOWN_CSCA; same key id but another key signed: FAIL', () => {
  const other = csca('other', { kind: 'ec', curve: 'P-384' }, 'Other CSCA');
  assert.equal(validateDocumentSigner(parseCertificate(ds.der), storeWith(other.der), { signedAt: SIGNED }).status, 'UNKNOWN_CSCA');
  // A DS naming root (AKI = root's SKI) but signed by another key.
  const impostorIssuer = { ...other, name: root.name, key: other.key };
  const forged = parseCertificate(documentSigner(impostorIssuer, 'forged').der);
  const rootCert = parseCertificate(root.der);
  const withRootAki = { ...forged, authorityKeyIdentifier: rootCert.subjectKeyIdentifier };
  assert.equal(validateDocumentSigner(withRootAki, storeWith(root.der), { signedAt: SIGNED }).status, 'FAIL');
});

test('link certificates: DS under the new CSCA key is found through the link, whichever side holds it', () => {
  const oldRoot = csca('old-key', { kind: 'ec', curve: 'brainpoolP256r1' }, 'Test CSCA', YEARS(2015, 2040));
  const newRoot = csca('new-key', { kind: 'ec', curve: 'P-384' }, 'Test CSCA', YEARS(2024, 2049));
  const link = createLinkCertificate(oldRoot, newRoot, 7n, YEARS(2024, 2040));
  const dsNew = parseCertificate(documentSigner(newRoot, 'under-new').der);
  // 1. The store has the old CSCA and the link certificate (as a master list would).
  const r1 = validateDocumentSigner(dsNew, storeWith(oldRoot.der, link), { signedAt: SIGNED });
  assert.equal(r1.status, 'PASS');
  assert.equal(r1.issuer?.selfIssued, false);
  // 2. The store has only the old CSCA; the document carries the link certificate.
  const r2 = validateDocumentSigner(dsNew, storeWith(oldRoot.der), { signedAt: SIGNED, intermediates: [parseCertificate(link)] });
  assert.equal(r2.status, 'PASS');
  assert.equal(r2.csca?.certificate.subject.commonName, 'Test CSCA');
  // 3. Without the link, the old CSCA alone does not vouch for the new key.
  assert.equal(validateDocumentSigner(dsNew, storeWith(oldRoot.der), { signedAt: SIGNED }).status, 'UNKNOWN_CSCA');
});

test('several CSCAs of one country in force: the one whose key signed is used', () => {
  const a = csca('gen-a', { kind: 'ec', curve: 'P-256' }, 'Test CSCA');
  const b = csca('gen-b', { kind: 'ec', curve: 'P-256' }, 'Test CSCA');
  const dsB = parseCertificate(documentSigner(b, 'under-b').der);
  const r = validateDocumentSigner(dsB, storeWith(a.der, b.der), { signedAt: SIGNED });
  assert.equal(r.status, 'PASS');
  assert.equal(r.issuer?.certificate.raw.length, parseCertificate(b.der).raw.length);
  assert.deepEqual(r.issuer?.certificate.subjectKeyIdentifier, parseCertificate(b.der).subjectKeyIdentifier);
});

test('revocation: GOOD with a fresh CRL, REVOKED when listed, UNKNOWN without CRL or when stale', () => {
  const store = storeWith(root.der);
  const dsCert = parseCertificate(ds.der);
  const issuer = store.certificates()[0]!;
  assert.equal(checkRevocation(dsCert, issuer, store, NOW).status, 'UNKNOWN');
  store.addCrl(parseCrl(createCrl(root, [], { thisUpdate: new Date('2026-01-01T00:00:00Z'), nextUpdate: new Date('2026-12-01T00:00:00Z') })), 'crl');
  assert.equal(checkRevocation(dsCert, issuer, store, NOW).status, 'GOOD');
  assert.equal(checkRevocation(dsCert, issuer, store, new Date('2027-01-01T00:00:00Z')).status, 'UNKNOWN');
  store.addCrl(parseCrl(createCrl(root, [{ serial: 0x42n, revokedAt: new Date('2026-02-01T00:00:00Z') }], { thisUpdate: new Date('2026-02-01T00:00:00Z'), nextUpdate: new Date('2026-03-01T00:00:00Z') }, 2n)), 'crl2');
  // Listed on a CRL whose signature verifies: REVOKED even when that CRL is stale.
  assert.equal(checkRevocation(dsCert, issuer, store, NOW).status, 'REVOKED');
});

test('a CRL signed by another key is ignored', () => {
  const store = storeWith(root.der);
  const impostor = csca('impostor');
  const fakeCrl = createCrl({ ...impostor, name: root.name }, [{ serial: 0x42n, revokedAt: NOW }], { thisUpdate: NOW, nextUpdate: new Date('2027-01-01T00:00:00Z') });
  store.addCrl(parseCrl(fakeCrl), 'fake');
  assert.equal(checkRevocation(parseCertificate(ds.der), store.certificates()[0]!, store, NOW).status, 'UNKNOWN');
});

test('passive authentication: hashes PASS; altered or unsigned data groups FAIL; none at all SKIPPED', () => {
  const store = storeWith(root.der);
  const sod = sodFor(ds, root);
  const good = passiveAuthentication(sod, DATA_GROUPS, store, NOW);
  assert.equal(good.dataGroupHashes.status, 'PASS');
  assert.deepEqual(good.dataGroupHashes.matched, [1, 2]);
  assert.equal(good.signature.status, 'PASS');
  assert.equal(good.chain.status, 'PASS');

  const altered = new Map(DATA_GROUPS);
  altered.set(2, tlv(0x75, utf8('not really a fade')));
  assert.deepEqual(passiveAuthentication(sod, altered, store, NOW).dataGroupHashes.failed, [2]);

  const extra = new Map(DATA_GROUPS);
  extra.set(11, tlv(0x6b, utf8('unsigned')));
  assert.deepEqual(passiveAuthentication(sod, extra, store, NOW).dataGroupHashes.failed, [11]);

  assert.deepEqual(passiveAuthentication(sod, new Map(), store, NOW).dataGroupHashes, { status: 'SKIPPED', failed: [], matched: [], listed: [1, 2], reason: { code: 'NO_DATA_GROUP', params: {} } });
});

test('RSA-PSS 2048 and brainpool P-512 explicit-parameter signers verify', () => {
  for (const spec of [{ kind: 'rsa', bits: 2048, pss: true }, { kind: 'ec', curve: 'brainpoolP512r1', explicitParameters: true }] as const) {
    const r = csca(`alg-${spec.kind}`, spec, 'Alg CSCA');
    const signer = documentSigner(r, `alg-${spec.kind}`, 5n, YEARS(2025, 2035), spec);
    const pa = passiveAuthentication(sodFor(signer, r), DATA_GROUPS, storeWith(r.der), NOW);
    assert.equal(pa.signature.status, 'PASS', spec.kind);
    assert.equal(pa.chain.status, 'PASS', spec.kind);
  }
});
