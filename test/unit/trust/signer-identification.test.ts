/**
 * Finding the Document Signer of a SOD (issue 13 points 3 and 5), on genuine SODs of the corpus
 * (fixtures/corpus) whose unsigned SignerInfo identifier was edited: issuer names compared as
 * RFC 5280 does, subjectKeyIdentifier identifiers, the single-certificate fallback only when the
 * signature verifies with that certificate, and DS certificates from a PKD LDIF for a SOD that
 * carries none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifySignedObject } from '../../../core/trust/signed-object.ts';
import { verifyDocumentWithDetails } from '../../../core/trust/verify-document.ts';
import { fixtureBytes } from '../../../fixtures/index.ts';

const AT = new Date('2026-12-01T00:00:00Z');
const sod = (id: string): Uint8Array => fixtureBytes('corpus', 'cases', id, 'SOD.bin');

function trusting(...files: string[]): TrustStore {
  const store = new TrustStore();
  for (const f of files) loadTrustBytes(store, fixtureBytes('corpus', ...f.split('/')), f, AT);
  return store;
}

test('an issuer differing only in case and inner spaces names the DS certificate (no fallback)', () => {
  const r = verifySignedObject(sod('us-issuer-case-space'), trusting('sources/gmrtd/US.CSCA.cer'), AT);
  assert.equal(r.signature.status, 'PASS');
  assert.equal(r.chain.status, 'PASS');
  assert.equal(r.signerIdMismatch, undefined);
});

test('a subjectKeyIdentifier signer identifier names the DS certificate', () => {
  const r = verifySignedObject(sod('at-ski-signer'), trusting('sources/gmrtd/AT.CSCA.cer'), AT);
  assert.equal(r.signature.status, 'PASS');
  assert.equal(r.chain.status, 'PASS');
  assert.equal(r.signerIdMismatch, undefined);
});

test('RDNs in another order match nothing: the only certificate is used because the signature verifies, with a warning naming both', () => {
  const store = trusting('sources/gmrtd/FR.CSCA.cer');
  const r = verifySignedObject(sod('fr-issuer-reversed'), store, AT);
  assert.equal(r.signature.status, 'PASS');
  assert.equal(r.chain.status, 'PASS');
  assert.match(r.signerIdMismatch?.named ?? '', /^issuer "CN=.*C=FR", serial 0x[0-9a-f]+$/);
  assert.match(r.signerIdMismatch?.carried ?? '', /^issuer "C=FR.*", serial 0x[0-9a-f]+$/);
  const { result } = verifyDocumentWithDetails(new Map([['SOD', sod('fr-issuer-reversed')]]), store, { now: AT });
  assert.deepEqual(result.warnings.find((w) => w.code === 'SIGNER_ID_MISMATCH')?.params, r.signerIdMismatch);
});

test('the fallback is refused when the signature does not verify with the only certificate', () => {
  const broken = Uint8Array.from(sod('fr-issuer-reversed'));
  broken[broken.length - 1] = broken[broken.length - 1]! ^ 0x01; // the signature value ends the file
  const r = verifySignedObject(broken, trusting('sources/gmrtd/FR.CSCA.cer'), AT);
  assert.equal(r.signature.status, 'FAIL');
  assert.deepEqual(r.signature.reason, { code: 'SIGNER_CERTIFICATE_MISSING', params: {} });
  assert.equal(r.documentSigner, undefined);
  assert.equal(r.signerIdMismatch, undefined);
});

test('a SOD without certificates takes its DS from a PKD LDIF in the trust store, never as an anchor', () => {
  const without = verifySignedObject(sod('fr-ds-from-ldif'), trusting('sources/gmrtd/FR.CSCA.cer'), AT);
  assert.deepEqual(without.signature.reason, { code: 'SIGNER_CERTIFICATE_MISSING', params: {} });
  const store = new TrustStore();
  const report = loadTrustBytes(store, fixtureBytes('corpus', 'trust', 'FR-DS-HSM-DS2.ldif'), 'FR-DS-HSM-DS2.ldif', AT);
  assert.deepEqual([report.documentSignersAdded, report.certificatesAdded, store.size], [1, 0, 0]);
  // The DS alone vouches for nothing: its CSCA is still needed.
  assert.equal(verifySignedObject(sod('fr-ds-from-ldif'), store, AT).chain.status, 'UNKNOWN_CSCA');
  loadTrustBytes(store, fixtureBytes('corpus', 'sources', 'gmrtd', 'FR.CSCA.cer'), 'FR.CSCA.cer', AT);
  const r = verifySignedObject(sod('fr-ds-from-ldif'), store, AT);
  assert.equal(r.signature.status, 'PASS');
  assert.equal(r.chain.status, 'PASS');
  assert.equal(store.clone().documentSignerCount, 1, 'a run copy keeps the document signers');
});
