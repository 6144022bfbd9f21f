/**
 * The production read flow (core/session/read-card.ts) against the virtual chip: every
 * profile and every broken preset must come out with the verdict and deciding check recorded
 * next to it, and the key handling (CCCD candidates, wrong key, cancel, removal) must hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import type { VirtualDocument } from '../../core/chip/factory/document.ts';
import { PROFILE_NAMES, PROFILES } from '../../core/chip/factory/profiles.ts';
import { VARIANT_NAMES, variantAppliesTo } from '../../core/chip/factory/variants.ts';
import { VirtualChip, type VirtualChipOptions } from '../../core/chip/virtual-chip.ts';
import { TrustStore } from '../../core/trust/store.ts';
import { loadTrustBytes } from '../../core/trust/trust-files.ts';
import { readCard } from '../../core/session/read-card.ts';
import type { AccessKey } from '../../core/api/terminal-api.ts';
import { VerificationResultSchema } from '../../core/api/verification.ts';
import { isEidError } from '../../core/errors.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

function trustFor(doc: VirtualDocument): TrustStore {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  return store;
}

function transportOf(doc: VirtualDocument, options: VirtualChipOptions = {}) {
  const chip = new VirtualChip(doc, options);
  return { chip, transport: { transmit: async (c: Uint8Array) => chip.transmit(c) } };
}

const mrzKey = (doc: VirtualDocument): AccessKey => ({ kind: 'mrz', mrz: doc.access.mrz });

for (const profile of PROFILE_NAMES) {
  for (const variant of [null, ...VARIANT_NAMES]) {
    if (variant && !variantAppliesTo(variant, PROFILES[profile])) continue;
    test(`read ${profile}${variant ? ' / ' + variant : ''} gives ${variant ?? 'a clean'} verdict`, async () => {
      const doc = buildDocument(profile, variant);
      const { transport } = transportOf(doc);
      const out = await readCard(transport, mrzKey(doc), { trust: trustFor(doc), now: NOW });
      VerificationResultSchema.parse(out.result);
      assert.equal(out.result.verdict, doc.expected.verdict, JSON.stringify(out.result.checks));
      if (doc.expected.check) {
        const check = out.result.checks[doc.expected.check] as { status: string; failed?: number[] };
        assert.equal(check.status, doc.expected.status);
        if (doc.expected.failedDataGroups) assert.deepEqual(check.failed, [...doc.expected.failedDataGroups]);
      } else {
        const provable = doc.chipKeys.chipAuthentication !== undefined || doc.chipKeys.activeAuthentication !== undefined;
        assert.equal(out.result.checks.chipAuthentication.status, provable ? 'PASS' : 'NOT_SUPPORTED');
        assert.equal(out.result.checks.accessControl.status, 'PASS');
      }
      assert.ok(out.result.stats.apdus > 0 && out.result.stats.bytesRead > 0);
      assert.ok(!out.files.has('DG3'), 'DG3 is never read');
    });
  }
}

test('a Vietnamese card opens from the 12-digit ID and birth date alone, and says which expiry worked', async () => {
  const doc = buildDocument('cccd-2021');
  const [, line2] = doc.access.mrz.split('\n');
  const id = doc.holder.idNumber;
  const key: AccessKey = { kind: 'cccd', idNumber: id, dateOfBirth: line2!.slice(0, 6) };
  const { transport } = transportOf(doc);
  const out = await readCard(transport, key, { trust: trustFor(doc), now: NOW });
  assert.equal(out.result.verdict, 'VERIFIED');
  assert.equal(out.result.document?.vn?.idNumber, id);
  assert.ok(out.face && out.face.bytes.length > 100);
});

test('a wrong key is ACCESS_DENIED and the same chip then opens with the right one', async () => {
  const doc = buildDocument('cccd-2021');
  const { transport } = transportOf(doc);
  const wrong: AccessKey = { kind: 'document', documentNumber: '123456789', dateOfBirth: '900101', dateOfExpiry: '300101' };
  await assert.rejects(readCard(transport, wrong, { trust: trustFor(doc), now: NOW }), (e) => isEidError(e, 'ACCESS_DENIED'));
  const out = await readCard(transport, mrzKey(doc), { trust: trustFor(doc), now: NOW });
  assert.equal(out.result.verdict, 'VERIFIED');
});

test('a card pulled out mid-read is CARD_REMOVED, and a cancelled read stops', async () => {
  const doc = buildDocument('cccd-2021');
  const { transport } = transportOf(doc, { faults: { removeAfterApdus: 12 } });
  await assert.rejects(readCard(transport, mrzKey(doc), { trust: trustFor(doc), now: NOW }), (e) => isEidError(e, 'CARD_REMOVED'));
  const controller = new AbortController();
  const steps: string[] = [];
  const fresh = transportOf(doc).transport;
  const reading = readCard(fresh, mrzKey(doc), {
    trust: trustFor(doc),
    now: NOW,
    signal: controller.signal,
    onProgress: (p) => {
      steps.push(p.step);
      if (p.file === 'DG2') controller.abort();
    },
  });
  await assert.rejects(reading, (e) => isEidError(e, 'CANCELLED'));
  assert.ok(steps.includes('read-file'));
});
