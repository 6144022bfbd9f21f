/**
 * Records stored before checks carried reasons (issue 13) still read back: their details have no
 * `reason` members, which decode as null; new statuses (MISSING, SKIPPED) are accepted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DetailsSchema } from '../../../core/store/record-row.ts';

const OLD_DETAILS = {
  warnings: ['Revocation status unknown: no CRL of the issuing CSCA in the trust store.'],
  checks: {
    accessControl: { status: 'PASS', protocol: 'BAC' }, chipAuthentication: { status: 'PASS', method: 'CA' },
    dataGroupHashes: { status: 'PASS', failed: [] }, sodSignature: { status: 'PASS' },
    certificateChain: { status: 'PASS', csca: 'C=VN, CN=CSCA' }, revocation: { status: 'UNKNOWN' },
    documentExpiry: { status: 'VALID' }, consistency: { status: 'PASS' },
  },
  protocol: { accessControl: 'BAC' },
  stats: null,
};

test('details written before reasons existed decode with reason null', () => {
  const details = DetailsSchema.parse(JSON.parse(JSON.stringify(OLD_DETAILS)));
  for (const check of Object.values(details.checks)) assert.equal(check.reason, null);
  assert.equal(details.checks.revocation.status, 'UNKNOWN');
});

test('details with the statuses and reasons of dumps without SOD or DG1 decode', () => {
  const missing = { code: 'SOD_MISSING', params: {} };
  const details = DetailsSchema.parse({
    ...OLD_DETAILS,
    checks: {
      ...OLD_DETAILS.checks,
      dataGroupHashes: { status: 'SKIPPED', failed: [], reason: missing },
      sodSignature: { status: 'MISSING', reason: missing },
      certificateChain: { status: 'SKIPPED', csca: null, reason: missing },
      documentExpiry: { status: 'SKIPPED', reason: { code: 'DG1_MISSING', params: {} } },
    },
  });
  assert.deepEqual(details.checks.sodSignature, { status: 'MISSING', reason: missing });
});
