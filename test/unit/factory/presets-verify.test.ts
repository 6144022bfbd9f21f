/**
 * Every profile and broken preset, verified offline by engineer D's verifyDocument against the
 * trust the document names: the verdict and the deciding check must be the ones recorded next to
 * the preset. (cloned-chip needs a live chip; test/chip covers it.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { PROFILE_NAMES, PROFILES } from '../../../core/chip/factory/profiles.ts';
import { VARIANT_NAMES, variantAppliesTo } from '../../../core/chip/factory/variants.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifyDocument } from '../../../core/trust/verify-document.ts';
import type { VirtualDocument } from '../../../core/chip/factory/document.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

function verifyOffline(doc: VirtualDocument) {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  return verifyDocument(doc.files, store, { now: NOW });
}

for (const profile of PROFILE_NAMES) {
  test(`${profile}: the genuine document verifies`, () => {
    const doc = buildDocument(profile);
    const result = verifyOffline(doc);
    assert.equal(result.checks.dataGroupHashes.status, 'PASS');
    assert.equal(result.checks.sodSignature.status, 'PASS');
    assert.equal(result.checks.certificateChain.status, 'PASS');
    assert.equal(result.checks.revocation.status, 'GOOD');
    assert.equal(result.checks.documentExpiry.status, 'VALID');
    assert.notEqual(result.checks.consistency.status, 'FAIL');
    assert.equal(result.verdict, 'VERIFIED', JSON.stringify(result.checks));
  });

  for (const variant of VARIANT_NAMES) {
    if (variant === 'cloned-chip' || !variantAppliesTo(variant, PROFILES[profile])) continue;
    test(`${profile} / ${variant}: expected verdict and failed check`, () => {
      const doc = buildDocument(profile, variant);
      const { expected } = doc;
      const result = verifyOffline(doc);
      assert.equal(result.verdict, expected.verdict, JSON.stringify(result.checks));
      assert.ok(expected.check);
      assert.equal(result.checks[expected.check].status, expected.status);
      if (expected.failedDataGroups) assert.deepEqual(result.checks.dataGroupHashes.failed, expected.failedDataGroups);
    });
  }
}
