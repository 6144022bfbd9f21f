import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSignedData, signedContentType, signedMessageDigest } from '../../../core/asn1/cms.ts';
import { OID } from '../../../core/asn1/oids.ts';
import { isEidError } from '../../../core/errors.ts';
import { realData, SOD_COUNTRIES } from '../../../fixtures/index.ts';

test('every real SOD parses as SignedData over an LDSSecurityObject', () => {
  for (const country of SOD_COUNTRIES) {
    const sd = parseSignedData(realData(`sod/${country}/SOD`));
    assert.equal(sd.eContentType, OID.ldsSecurityObject, country);
    assert.ok(sd.eContent && sd.eContent.length > 100, country);
    assert.equal(sd.certificates.length, 1, country);
    assert.equal(sd.signerInfos.length, 1, country);
    const signer = sd.signerInfos[0]!;
    assert.equal(signedContentType(signer), OID.ldsSecurityObject, country);
    assert.ok(signedMessageDigest(signer)!.length >= 20, country);
    assert.equal(signer.signedAttrsForVerification![0], 0x31, country);
    assert.deepEqual(signer.signedAttrsForVerification!.subarray(1), signer.signedAttrsRaw!.subarray(1), country);
  }
});

test('NZ SOD with BER indefinite lengths parses', () => {
  const bytes = realData('sod/NZ/SOD');
  assert.ok(bytes.includes(0x80));
  const sd = parseSignedData(bytes);
  assert.equal(sd.signerInfos[0]!.signatureAlgorithm.oid, OID.rsaEncryption);
});

test('CardSecurity parses with the TR-03110 security object content type', () => {
  for (const country of ['DE', 'FI']) {
    const sd = parseSignedData(realData(`sod/${country}/CardSecurity`));
    assert.equal(sd.eContentType, OID.securityObject);
  }
});

test('master lists parse with SKI signer identifiers', () => {
  const sd = parseSignedData(realData('master-lists/NL_ML_2026-07-22.ml'));
  assert.equal(sd.eContentType, OID.cscaMasterList);
  assert.equal(sd.signerInfos[0]!.sid.kind, 'subjectKeyIdentifier');
});

test('truncated or corrupted SODs give ASN1_MALFORMED, never a crash', () => {
  const sod = realData('sod/UK/SOD');
  for (let cut = 0; cut < sod.length; cut += 37) {
    assert.throws(() => parseSignedData(sod.subarray(0, cut)), (e) => isEidError(e, 'ASN1_MALFORMED'), `cut ${cut}`);
  }
  // Flipping bytes anywhere either still parses or fails with the typed error.
  for (let i = 0; i < sod.length; i += 13) {
    const bad = Uint8Array.from(sod);
    bad[i] = bad[i]! ^ 0xff;
    try {
      parseSignedData(bad);
    } catch (e) {
      assert.ok(isEidError(e, 'ASN1_MALFORMED'), `flip at ${i}: ${String(e)}`);
    }
  }
});

test('a ContentInfo that is not SignedData is refused', () => {
  // ContentInfo { id-data, [0] OCTET STRING }
  const data = Uint8Array.from([0x30, 0x11, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x04, 0x04, 0x02, 0x01, 0x02]);
  assert.throws(() => parseSignedData(data), (e) => isEidError(e, 'ASN1_MALFORMED'));
});
