/**
 * Every clean and broken document of the factory (core/chip/factory) reaches the verdict and the
 * decisive check status the factory expects, offline (no chip: cloned-chip is for chip tests).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { VARIANT_NAMES, variantAppliesTo } from '../../../core/chip/factory/variants.ts';
import { PROFILE_NAMES, PROFILES } from '../../../core/chip/factory/profiles.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifyDocumentWithDetails } from '../../../core/trust/verify-document.ts';
import { VerificationResultSchema } from '../../../core/api/verification.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

for (const profile of PROFILE_NAMES) {
  for (const variant of [null, ...VARIANT_NAMES.filter((v) => v !== 'cloned-chip' && variantAppliesTo(v, PROFILES[profile]))]) {
    test(`${profile} ${variant ?? 'clean'}`, () => {
      const doc = buildDocument(profile, variant);
      const store = new TrustStore();
      for (const c of doc.trust.cscas) loadTrustBytes(store, c, 'factory CSCA', NOW);
      for (const c of doc.trust.crls) loadTrustBytes(store, c, 'factory CRL', NOW);
      const { result } = verifyDocumentWithDetails(doc.files, store, { now: NOW });
      VerificationResultSchema.parse(result);
      assert.equal(result.verdict, doc.expected.verdict, JSON.stringify(result.checks));
      if (doc.expected.check) {
        const check = result.checks[doc.expected.check] as { status: string; failed?: number[]; reason: { code: string } | null };
        assert.equal(check.status, doc.expected.status);
        assert.equal(check.reason?.code, doc.expected.reason);
        // A check that explains a VERIFIED result (nothing to compare) did not decide it.
        assert.equal(result.decidedBy, doc.expected.verdict === 'VERIFIED' ? null : doc.expected.check);
        if (doc.expected.failedDataGroups) assert.deepEqual(check.failed, doc.expected.failedDataGroups);
      } else {
        assert.equal(result.checks.sodSignature.status, 'PASS');
        assert.equal(result.checks.certificateChain.status, 'PASS');
        assert.equal(result.checks.revocation.status, 'GOOD');
        assert.equal(result.checks.dataGroupHashes.status, 'PASS');
      }
      // Offline: the chip was not examined, and the result says so.
      assert.equal(result.checks.accessControl.status, 'SKIPPED');
      assert.equal(result.checks.chipAuthentication.status, 'SKIPPED');
      assert.ok(result.warnings.some((w) => w.code === 'CHIP_NOT_EXAMINED'));
    });
  }
}

test('a Vietnamese card is consistent across DG1 and DG13 and carries the VN data', () => {
  const doc = buildDocument('cccd-2021', null);
  const store = new TrustStore();
  for (const c of doc.trust.cscas) loadTrustBytes(store, c, 'factory CSCA', NOW);
  const { result } = verifyDocumentWithDetails(doc.files, store, { now: NOW });
  assert.equal(result.checks.consistency.status, 'PASS');
  assert.equal(result.document?.vn?.idNumber, result.document?.personalNumber);
  assert.equal(result.document?.face?.mimeType, 'image/jpeg');
  // No CRL in the store: revocation is UNKNOWN with a warning, still VERIFIED.
  assert.equal(result.checks.revocation.status, 'UNKNOWN');
  assert.equal(result.verdict, 'VERIFIED');
  assert.ok(result.warnings.some((w) => w.code === 'REVOCATION_UNKNOWN' && w.params.gap === 'no-crl'));
  assert.ok(result.warnings.some((w) => w.code === 'DEMO_DOCUMENT'), 'documents under the demo CSCA are flagged');
});

test('live chip results are carried into the checks; a wrong access key is a consistency FAIL', () => {
  const doc = buildDocument('icao-td3-passport', null);
  const store = new TrustStore();
  for (const c of doc.trust.cscas) loadTrustBytes(store, c, 'factory CSCA', NOW);
  for (const c of doc.trust.crls) loadTrustBytes(store, c, 'factory CRL', NOW);
  const info = doc.access.mrzInformation;
  const key = { documentNumber: info.slice(0, 9), dateOfBirth: info.slice(10, 16), dateOfExpiry: info.slice(17, 23) };
  const chipChecks = { accessControl: { status: 'PASS' as const, protocol: 'BAC' }, chipAuthentication: { status: 'PASS' as const, method: 'AA' as const } };
  const good = verifyDocumentWithDetails(doc.files, store, { now: NOW, chipChecks: { ...chipChecks, accessKey: key } }).result;
  assert.equal(good.verdict, 'VERIFIED');
  assert.equal(good.checks.consistency.status, 'PASS');
  assert.deepEqual(good.checks.accessControl, { status: 'PASS', protocol: 'BAC', reason: null });
  const bad = verifyDocumentWithDetails(doc.files, store, { now: NOW, chipChecks: { ...chipChecks, accessKey: { ...key, dateOfBirth: '000101' } } }).result;
  assert.equal(bad.checks.consistency.status, 'FAIL');
  assert.deepEqual(bad.checks.consistency.reason, { code: 'DATA_MISMATCH', params: { fields: 'access key dateOfBirth vs DG1' } });
  assert.equal(bad.verdict, 'FAILED');
  assert.equal(bad.decidedBy, 'consistency');
});

test('a document without SOD is NOT_VERIFIED, never VERIFIED: the SOD is MISSING, what needs it SKIPPED', () => {
  const doc = buildDocument('foreign-td1-id', null);
  const files = new Map(doc.files);
  files.delete('SOD');
  const store = new TrustStore();
  for (const c of doc.trust.cscas) loadTrustBytes(store, c, 'factory CSCA', NOW);
  const { result } = verifyDocumentWithDetails(files, store, { now: NOW });
  assert.equal(result.verdict, 'NOT_VERIFIED');
  assert.equal(result.decidedBy, 'sodSignature');
  const missing = { code: 'SOD_MISSING', params: {} };
  assert.deepEqual(result.checks.sodSignature, { status: 'MISSING', reason: missing });
  assert.deepEqual(result.checks.dataGroupHashes, { status: 'SKIPPED', failed: [], reason: missing });
  assert.deepEqual(result.checks.certificateChain, { status: 'SKIPPED', csca: null, reason: missing });
  assert.deepEqual(result.checks.revocation, { status: 'UNKNOWN', reason: { code: 'NOT_CHECKED', params: {} } });
  assert.equal(result.checks.documentExpiry.status, 'VALID');
});
