/**
 * Passive authentication on real public artefacts (fixtures/realdata): both master lists load
 * with their signatures checked, and every real SOD / CardSecurity verifies and chains to a CSCA.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrustStore, fingerprintOf } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { readMasterList } from '../../../core/trust/master-list-loader.ts';
import { verifySignedObject } from '../../../core/trust/signed-object.ts';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { realData, realDataFiles, SOD_COUNTRIES } from '../../../fixtures/index.ts';

const DE_ML = 'master-lists/DE_ML_2026-05-28-08-28-45.ml';
const NL_ML = 'master-lists/NL_ML_2026-07-22.ml';
// Master list signers are checked at the date the lists were current.
const ML_DATE = new Date('2026-08-01T00:00:00Z');

function storeWithRealAnchors(): TrustStore {
  const store = new TrustStore();
  loadTrustBytes(store, realData(DE_ML), 'DE ML', ML_DATE);
  loadTrustBytes(store, realData(NL_ML), 'NL ML', ML_DATE);
  for (const f of realDataFiles('csca/IDN_2010_SERIES')) loadTrustBytes(store, realData(`csca/IDN_2010_SERIES/${f}`), f);
  return store;
}

const store = storeWithRealAnchors();

test('DE master list signer chains to DE_ROOT_CA_CSCA07.cer, NL to NL_ROOT_CA.cer', () => {
  const de = readMasterList(realData(DE_ML), new TrustStore(), ML_DATE);
  assert.equal(fingerprintOf(de.signerAnchor.raw), fingerprintOf(realData('master-lists/DE_ROOT_CA_CSCA07.cer')));
  assert.equal(de.signerAnchorFrom, 'list');
  assert.ok(de.certificates.length > 400);

  const nlAlone = readMasterList(realData(NL_ML), new TrustStore(), ML_DATE);
  assert.equal(fingerprintOf(nlAlone.signerAnchor.raw), fingerprintOf(realData('master-lists/NL_ROOT_CA.cer')));
  // With the NL root already trusted, the result says so.
  const withRoot = new TrustStore();
  withRoot.addCertificate(parseCertificate(realData('master-lists/NL_ROOT_CA.cer')), 'NL_ROOT_CA.cer');
  assert.equal(readMasterList(realData(NL_ML), withRoot, ML_DATE).signerAnchorFrom, 'store');
});

test('a master list with a flipped byte in its content is refused', () => {
  const ml = Uint8Array.from(realData(NL_ML));
  ml[ml.length - 5000] = ml[ml.length - 5000]! ^ 0x01; // inside the certificate list (eContent)
  assert.throws(() => loadTrustBytes(new TrustStore(), ml, 'tampered', ML_DATE), (e: unknown) => (e as { code?: string }).code === 'TRUST_FILE_INVALID' || (e as { code?: string }).code === 'ASN1_MALFORMED');
});

for (const country of SOD_COUNTRIES) {
  test(`real SOD of ${country}: signature verifies and the DS chains to a trusted CSCA, today and long after its certificates lapsed`, () => {
    const sod = realData(`sod/${country}/SOD`);
    // The chain is judged when the certificates were used, not at the verification date.
    for (const at of [new Date(), new Date('2060-01-01T00:00:00Z')]) {
      const result = verifySignedObject(sod, store, at);
      assert.equal(result.signature.status, 'PASS', JSON.stringify(result.signature.reason));
      assert.equal(result.chain.status, 'PASS', JSON.stringify(result.chain.reason));
      assert.ok(result.chain.csca);
      assert.equal(result.chain.csca.certificate.subject.country, result.documentSigner!.issuer.country);
      assert.equal(result.revocation.status, 'UNKNOWN'); // no CRLs loaded
    }
  });
}

for (const country of ['DE', 'FI']) {
  test(`real CardSecurity of ${country} verifies and chains`, () => {
    const result = verifySignedObject(realData(`sod/${country}/CardSecurity`), store, new Date('2027-01-01T00:00:00Z'));
    assert.equal(result.signature.status, 'PASS');
    assert.equal(result.chain.status, 'PASS');
  });
}

test('a real SOD against an empty store is UNKNOWN_CSCA, not FAIL', () => {
  const result = verifySignedObject(realData('sod/UK/SOD'), new TrustStore(), new Date('2027-01-01T00:00:00Z'));
  assert.equal(result.signature.status, 'PASS');
  assert.equal(result.chain.status, 'UNKNOWN_CSCA');
});

test('flipping a byte in the signed attributes of real SODs makes the signature FAIL', () => {
  for (const country of ['UK', 'PH', 'NZ', 'RU', 'FI']) {
    const sod = Uint8Array.from(realData(`sod/${country}/SOD`));
    const signed = verifySignedObject(sod, store, new Date('2027-01-01T00:00:00Z')).signedData!;
    const attrs = signed.signerInfos[0]!.signedAttrsRaw!;
    const offset = attrs.byteOffset - sod.byteOffset + attrs.length - 3; // inside the last attribute value
    sod[offset] = sod[offset]! ^ 0x01;
    const result = verifySignedObject(sod, store, new Date('2027-01-01T00:00:00Z'));
    assert.equal(result.signature.status, 'FAIL', country);
  }
});

test('the CCCD CSCA imports and is recognised by its fingerprint', () => {
  const s = new TrustStore();
  const report = loadTrustBytes(s, realData('csca/CSCA_Vietnam_CCCD_2021.pem'), 'CSCA_Vietnam_CCCD_2021.pem');
  assert.equal(report.certificatesAdded, 1);
  const [entry] = s.certificates();
  assert.equal(entry!.fingerprint, '6f0a20d63a43fc589eaf0d8c52113a2a8bfa341c6f2fab04121238aa0c22b1a9');
  assert.match(entry!.knownAs!, /Vietnam CCCD CSCA/);
  assert.equal(entry!.selfIssued, true);
});

test('the Indonesian CSCA series: link certificates are recognised as such', () => {
  const s = new TrustStore();
  for (const f of realDataFiles('csca/IDN_2010_SERIES')) loadTrustBytes(s, realData(`csca/IDN_2010_SERIES/${f}`), f);
  const links = s.certificates().filter((c) => !c.selfIssued);
  assert.equal(s.size, 5);
  assert.equal(links.length, 2);
});

test('a master list whose signer has expired is refused on import but reloads from the persistent store', () => {
  const later = new Date('2045-01-01T00:00:00Z');
  // The message names the date the signer was judged at (`verify --at`), not "today".
  assert.throws(() => loadTrustBytes(new TrustStore(), realData(NL_ML), 'NL', later), (e: unknown) => (e as { code?: string }).code === 'TRUST_FILE_INVALID' && /not valid at 2045-01-01 \(valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\)/.test((e as Error).message));
  const report = loadTrustBytes(new TrustStore(), realData(NL_ML), 'NL', later, { listSigner: 'verified-before' });
  assert.ok(report.certificatesAdded > 30);
});

test('Singapore: with only CA 4 and the CA 4 -> CA 5 link certificate trusted, the DS still chains (no path length limit)', () => {
  const sg = verifySignedObject(realData('sod/SG/SOD'), store, new Date('2027-01-01T00:00:00Z'));
  const link = store.issuerCandidates(sg.documentSigner!).find((c) => !c.selfIssued)!;
  assert.ok(link, 'the master lists hold the CA 4 -> CA 5 link certificate');
  assert.equal(link.certificate.basicConstraints?.pathLength, 0);
  const only = new TrustStore();
  only.addCertificate(link.certificate, 'link');
  for (const c of store.findBySubject(link.certificate.issuer)) if (c.selfIssued) only.addCertificate(c.certificate, 'CA 4');
  const r = verifySignedObject(realData('sod/SG/SOD'), only, new Date('2027-01-01T00:00:00Z'));
  assert.equal(r.chain.status, 'PASS', JSON.stringify(r.chain.reason));
  assert.equal(r.chain.csca?.certificate.subject.commonName, 'Singapore Passport CA 4');
  assert.equal(r.chain.csca?.selfIssued, true);
});
