import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCrl } from '../../../core/asn1/crl.ts';
import { isEidError } from '../../../core/errors.ts';
import { demoAuthority, DS_SERIAL } from '../../../core/chip/factory/demo-pki.ts';

test('a CRL parses: issuer, dates, revoked serials, AKI', () => {
  const authority = demoAuthority('VN');
  const crl = parseCrl(authority.crl);
  assert.equal(crl.issuer.commonName, 'DEMO CSCA Vietnam');
  assert.equal(crl.thisUpdate.toISOString(), '2025-06-01T00:00:00.000Z');
  assert.equal(crl.nextUpdate?.toISOString(), '2045-06-01T00:00:00.000Z');
  assert.deepEqual(crl.revoked.map((r) => r.serialNumber), [DS_SERIAL.revoked]);
  assert.ok(crl.signature.length > 0);
});

test('truncated CRLs give ASN1_MALFORMED', () => {
  const der = demoAuthority('VN').crl;
  for (let cut = 0; cut < der.length; cut += 11) {
    assert.throws(() => parseCrl(der.subarray(0, cut)), (e) => isEidError(e, 'ASN1_MALFORMED'));
  }
});
