/**
 * Vietnamese documents whose DG13 is laid out as the chips do it (docs/design/vn-cccd.md §3.1),
 * signed into a SOD by the factory: verification gives every DG13 field, a changed byte anywhere in
 * DG13 is FAILED, and a DG13 with no fields never lets the consistency check pass silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import type { ProfileName, VariantName, VirtualDocument } from '../../../core/chip/factory/document.ts';
import { expectedVnData } from '../../helpers/vn-holder.ts';
import { readTlv } from '../../../core/bytes/tlv.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifyDocumentWithDetails, type LiveChipChecks } from '../../../core/trust/verify-document.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
function trustFor(doc: VirtualDocument): TrustStore {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  return store;
}

const verify = (doc: VirtualDocument, files = doc.files, chipChecks?: LiveChipChecks) =>
  verifyDocumentWithDetails(files, trustFor(doc), { now: NOW, ...(chipChecks && { chipChecks }) });

const cases: [ProfileName, VariantName | null, 'wrapped' | 'flat'][] = [
  ['cccd-2021', null, 'wrapped'],
  ['can-cuoc-2024', null, 'wrapped'],
  ['cccd-2021', 'dg13-parents-together', 'wrapped'],
  ['can-cuoc-2024', 'dg13-parents-together', 'wrapped'],
  ['cccd-2021', 'dg13-flat', 'flat'],
];

for (const [profile, variant, layout] of cases) {
  test(`${profile}${variant ? ` / ${variant}` : ''}: every Vietnamese field, with diacritics, VERIFIED and consistent`, () => {
    const doc = buildDocument(profile, variant);
    const dg13 = doc.files.get('DG13')!;
    assert.equal(readTlv(dg13).headerLength, 4, 'DG13 needs a long-form (82 LL LL) length');
    const { result } = verify(doc);
    assert.equal(result.verdict, 'VERIFIED', JSON.stringify(result.checks));
    assert.equal(result.checks.consistency.status, 'PASS');
    assert.deepEqual(result.document?.vn, expectedVnData(doc.holder));
    assert.deepEqual(result.document?.dg13, layout === 'wrapped'
      ? { layout, version: 1, charset: '1.0.10646.1.0.8', rawFields: [] }
      : { layout, version: null, charset: null, rawFields: [] });
  });
}

test('the demo holders cover a spouse and an unmarried holder (empty field 14)', () => {
  const spouses = (['cccd-2021', 'can-cuoc-2024'] as const).map((p) => buildDocument(p).holder.spouseName);
  assert.ok(spouses.includes(null) && spouses.some((s) => s !== null), JSON.stringify(spouses));
});

test('changing any byte of DG13 makes the document FAILED', { timeout: 120_000 }, () => {
  const doc = buildDocument('cccd-2021');
  const dg13 = doc.files.get('DG13')!;
  const store = trustFor(doc);
  const verdicts = new Map<string, number>();
  for (let i = 0; i < dg13.length; i++) {
    const tampered = Uint8Array.from(dg13);
    tampered[i]! ^= 0xff;
    const files = new Map(doc.files).set('DG13', tampered);
    const { result } = verifyDocumentWithDetails(files, store, { now: NOW });
    assert.equal(result.verdict, 'FAILED', `byte ${i}`);
    assert.deepEqual(result.checks.dataGroupHashes.failed, [13], `byte ${i}`);
    verdicts.set(result.verdict, (verdicts.get(result.verdict) ?? 0) + 1);
  }
  assert.deepEqual([...verdicts], [['FAILED', dg13.length]]);
});

test('a DG13 with no fields: a warning, and consistency SKIPPED with the reason, even when the access key matches', () => {
  const doc = buildDocument('cccd-2021', 'dg13-empty');
  const offline = verify(doc);
  assert.equal(offline.result.checks.consistency.status, 'SKIPPED');
  assert.deepEqual(offline.result.checks.consistency.reason, { code: 'DG13_NOT_USABLE', params: { gap: 'empty' } });
  const codes = offline.result.warnings.map((w) => w.code);
  assert.ok(codes.includes('DG13_EMPTY') && codes.includes('DG13_NOT_COMPARED'), JSON.stringify(offline.result.warnings));
  assert.deepEqual(offline.result.warnings.find((w) => w.code === 'DG13_NOT_COMPARED')?.params, { gap: 'empty' });
  assert.equal(offline.result.document?.vn, null);
  assert.deepEqual(offline.result.document?.dg13, { layout: 'wrapped', version: 1, charset: '1.0.10646.1.0.8', rawFields: [] });

  // Live: the MRZ key that opened the chip agrees with DG1, yet there was no DG13 data to compare.
  const info = doc.access.mrzInformation;
  const accessKey = { documentNumber: info.slice(0, 9), dateOfBirth: info.slice(10, 16), dateOfExpiry: info.slice(17, 23) };
  const chip: LiveChipChecks = { accessControl: { status: 'PASS', protocol: 'BAC' }, chipAuthentication: { status: 'PASS', method: 'CA' }, accessKey };
  const live = verify(doc, doc.files, chip);
  assert.equal(live.result.checks.consistency.status, 'SKIPPED');
  assert.equal(live.result.verdict, 'VERIFIED');
  // A wrong key still fails: SKIPPED never hides a mismatch.
  const wrong = verify(doc, doc.files, { ...chip, accessKey: { ...accessKey, dateOfBirth: '000101' } });
  assert.equal(wrong.result.checks.consistency.status, 'FAIL');
});

test('the CAN that opened a Vietnamese chip is compared with the ID number in DG1', () => {
  const doc = buildDocument('can-cuoc-2024');
  const chip: LiveChipChecks = { accessControl: { status: 'PASS', protocol: 'PACE' }, chipAuthentication: { status: 'PASS', method: 'CA' }, accessKey: { can: doc.access.can! } };
  assert.equal(verify(doc, doc.files, chip).result.checks.consistency.status, 'PASS');
  const other = verify(doc, doc.files, { ...chip, accessKey: { can: '000000' } });
  assert.equal(other.result.checks.consistency.status, 'FAIL');
  assert.equal(other.result.checks.consistency.reason?.code, 'DATA_MISMATCH');
  assert.match(String(other.result.checks.consistency.reason?.params.fields), /access key CAN vs DG1 idNumber/);
});
