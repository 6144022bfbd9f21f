import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { parseSignedData } from '../../../core/asn1/cms.ts';
import { parseCscaMasterList } from '../../../core/asn1/master-list.ts';
import { parseEcKeyParameters } from '../../../core/asn1/ec-parameters.ts';
import { signatureScheme, parsePssParameters } from '../../../core/asn1/algorithms.ts';
import { toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { parsePem } from '../../../core/trust/pem.ts';
import { curveByName } from '../../../core/crypto/ec/index.ts';
import { realData } from '../../../fixtures/index.ts';

const vnPem = new TextDecoder().decode(realData('csca/CSCA_Vietnam_CCCD_2021.pem'));

test('the CCCD CSCA parses with the fields of docs/design/vn-cccd.md §5.1', () => {
  const cert = parseCertificate(parsePem(vnPem)[0]!.der);
  assert.equal(cert.version, 3);
  assert.equal(cert.subject.text, 'C=VN, O=Vietnam Government Information Security Commission, serialNumber=001, CN=CSCA Vietnam');
  assert.equal(cert.subject.country, 'VN');
  assert.equal(cert.serialNumber.toString(16), '43e4658e0ba6cae891fbcc9eadfcf6c6bcba55f');
  assert.equal(cert.notBefore.toISOString(), '2021-01-19T18:11:36.000Z');
  assert.equal(cert.notAfter.toISOString(), '2046-04-13T18:11:36.000Z');
  assert.equal(cert.privateKeyUsagePeriod?.notAfter?.toISOString().slice(0, 10), '2026-01-21');
  assert.deepEqual(cert.basicConstraints, { ca: true, pathLength: 0 });
  assert.deepEqual(cert.keyUsage, { digitalSignature: false, keyCertSign: true, cRLSign: true });
  assert.equal(toHex(cert.subjectKeyIdentifier!).toUpperCase(), '57AB7508224483F049CC635B2C95C4E446A58808');
  assert.deepEqual(cert.authorityKeyIdentifier, cert.subjectKeyIdentifier);
  assert.deepEqual(cert.crlDistributionPoints, ['http://ca.gov.vn/csca-vietnam.crl']);
  assert.deepEqual(parseEcKeyParameters(cert.subjectPublicKeyInfo.algorithm.parameters), { kind: 'named', curveOid: '1.3.132.0.34' });
  assert.deepEqual(signatureScheme(cert.signatureAlgorithm), { kind: 'ecdsa', hash: 'sha384', plain: false });
});

test('all 1002 master list certificates parse; explicit brainpool parameters match the named curve', () => {
  let count = 0;
  let negativeSerials = 0;
  let vnPassportCsca = false;
  for (const file of ['master-lists/DE_ML_2026-05-28-08-28-45.ml', 'master-lists/NL_ML_2026-07-22.ml']) {
    const sd = parseSignedData(realData(file));
    for (const der of [...parseCscaMasterList(sd.eContent!).certificates, ...sd.certificates]) {
      const cert = parseCertificate(der);
      count++;
      if (cert.serialNumber < 0n) negativeSerials++;
      if (cert.subject.commonName === 'CSCA ePassport Vietnam') {
        vnPassportCsca = true;
        const params = parseEcKeyParameters(cert.subjectPublicKeyInfo.algorithm.parameters);
        assert.equal(params.kind, 'explicit');
        if (params.kind === 'explicit') assert.equal(params.params.p, curveByName('brainpoolP512r1').params.p);
      }
    }
  }
  assert.equal(count, 1002);
  assert.ok(negativeSerials > 0, 'the lists contain negative serial numbers');
  assert.ok(vnPassportCsca);
});

test('RSA-PSS parameters: explicit SHA-256/MGF1-SHA-256/salt 32 and the RFC 4055 defaults', () => {
  const sd = parseSignedData(realData('sod/PH/SOD'));
  const scheme = signatureScheme(sd.signerInfos[0]!.signatureAlgorithm);
  assert.equal(scheme?.kind, 'rsa-pss');
  if (scheme?.kind === 'rsa-pss') assert.deepEqual(scheme.pss, { hash: 'sha256', mgfHash: 'sha256', saltLength: 32 });
  assert.deepEqual(parsePssParameters(undefined), { hash: 'sha1', mgfHash: 'sha1', saltLength: 20 });
  assert.deepEqual(parsePssParameters(Uint8Array.of(0x30, 0x00)), { hash: 'sha1', mgfHash: 'sha1', saltLength: 20 });
});

test('hostile certificates give ASN1_MALFORMED', () => {
  const der = parsePem(vnPem)[0]!.der;
  for (let cut = 0; cut < der.length; cut += 23) {
    assert.throws(() => parseCertificate(der.subarray(0, cut)), (e) => isEidError(e, 'ASN1_MALFORMED'));
  }
  for (let i = 0; i < der.length; i += 7) {
    const bad = Uint8Array.from(der);
    bad[i] = bad[i]! ^ 0xa5;
    try {
      parseCertificate(bad);
    } catch (e) {
      assert.ok(isEidError(e, 'ASN1_MALFORMED'), `flip at ${i}: ${String(e)}`);
    }
  }
  // Deep nesting of indefinite-length SEQUENCEs stops at the depth limit.
  const deep = new Uint8Array(4000);
  for (let i = 0; i < 2000; i++) deep.set([0x30, 0x80], i * 2);
  assert.throws(() => parseCertificate(deep), (e) => isEidError(e, 'ASN1_MALFORMED'));
});
