/**
 * The ID number alone opens a Vietnamese chip (docs/design/vn-cccd.md §1.2): PACE with the CAN =
 * the last 6 digits of the 12-digit ID when EF.CardAccess offers PACE; BAC with the ID and birth
 * date when it does not or the chip refuses PACE; and BIRTH_DATE_NEEDED when only the ID was given.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessKey } from '../../../core/api/terminal-api.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import type { VirtualDocument } from '../../../core/chip/factory/document.ts';
import { VirtualChip, type VirtualChipOptions } from '../../../core/chip/virtual-chip.ts';
import { isEidError } from '../../../core/errors.ts';
import { keyCandidates } from '../../../core/session/access-keys.ts';
import type { VerificationOutcome } from '../../../core/session/outcome.ts';
import { readCard } from '../../../core/session/read-card.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const INS_SELECT = 0xa4;
const INS_MSE = 0x22;

interface Read {
  readonly out: Promise<VerificationOutcome>;
  /** Every command the terminal sent, as INS and data. */
  readonly log: { secured: boolean; ins: number; data: string }[];
}

function read(doc: VirtualDocument, key: AccessKey, chip: VirtualChipOptions = {}): Read {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  const card = new VirtualChip(doc, chip);
  const log: Read['log'] = [];
  const transport = {
    transmit: async (c: Uint8Array) => {
      log.push({ secured: (c[0]! & 0x0c) !== 0, ins: c[1]!, data: Buffer.from(c.subarray(5, 5 + (c[4] ?? 0))).toString('hex') });
      return card.transmit(c);
    },
  };
  return { out: readCard(transport, key, { trust: store, now: NOW }), log };
}

const idOnly = (doc: VirtualDocument): Extract<AccessKey, { kind: 'cccd' }> => ({ kind: 'cccd', idNumber: doc.holder.idNumber });
const dobOf = (doc: VirtualDocument): string => doc.access.mrz.split('\n')[1]!.slice(0, 6);
/** PACE starts with a plain MSE:Set AT (Chip Authentication's runs under secure messaging). */
const paceRuns = (log: Read['log']): number => log.filter((c) => c.ins === INS_MSE && !c.secured).length;
const cardAccessSelects = (log: Read['log']): number => log.filter((c) => c.ins === INS_SELECT && c.data === '011c').length;

for (const profile of ['cccd-2021', 'can-cuoc-2024'] as const) {
  test(`${profile}: the ID number alone opens the chip with PACE-CAN, and the result says so`, async () => {
    const doc = buildDocument(profile);
    const { out, log } = read(doc, idOnly(doc));
    const { result, accessNote } = await out;
    assert.equal(result.verdict, 'VERIFIED', JSON.stringify(result.checks));
    assert.equal(result.checks.accessControl.protocol, 'PACE-CAN ECDH-GM-AES-128 brainpoolP256r1');
    assert.deepEqual(accessNote, { code: 'ACCESS_KEY_CAN_FROM_ID_NUMBER', params: { tried: 1, total: 1 } });
    assert.equal(result.checks.consistency.status, 'PASS');
    assert.equal(paceRuns(log), 1, 'one PACE run');
    assert.equal(cardAccessSelects(log), 1);
  });
}

test('a chip without PACE: BIRTH_DATE_NEEDED with only the ID, VERIFIED with BAC once the birth date is given', async () => {
  const doc = buildDocument('cccd-2021', 'without-pace');
  const alone = read(doc, idOnly(doc));
  await assert.rejects(alone.out, (e) => isEidError(e, 'BIRTH_DATE_NEEDED') && e.params.reason === 'no-pace');
  assert.equal(paceRuns(alone.log), 0, 'no PACE attempted on a chip that offers none');

  const withDob = read(doc, { ...idOnly(doc), dateOfBirth: dobOf(doc) });
  const { result, accessNote } = await withDob.out;
  assert.equal(result.verdict, 'VERIFIED');
  assert.equal(result.checks.accessControl.protocol, 'BAC');
  // The key that opened it is a BAC key (after the CAN candidate), named by the expiry rule it assumed.
  assert.equal(accessNote?.code, 'ACCESS_KEY_ASSUMED');
  assert.ok(Number(accessNote?.params.tried) > 1, JSON.stringify(accessNote));
  assert.equal(cardAccessSelects(withDob.log), 1, 'EF.CardAccess is looked for once, not per key');
});

test('a chip that refuses PACE: BIRTH_DATE_NEEDED with only the ID; with the birth date BAC opens it, with a warning', async () => {
  const doc = buildDocument('can-cuoc-2024');
  await assert.rejects(read(doc, idOnly(doc), { accessProtocols: 'BAC' }).out, (e) => isEidError(e, 'BIRTH_DATE_NEEDED') && e.params.reason === 'pace-refused');
  const { result } = await read(doc, { ...idOnly(doc), dateOfBirth: dobOf(doc) }, { accessProtocols: 'BAC' }).out;
  assert.equal(result.verdict, 'VERIFIED');
  assert.equal(result.checks.accessControl.protocol, 'BAC');
  assert.ok(result.warnings.some((w) => w.code === 'PACE_FALLBACK_TO_BAC'), JSON.stringify(result.warnings));
});

test('a wrong ID number: BIRTH_DATE_NEEDED asks to check it; with a birth date the wrong key is ACCESS_DENIED', async () => {
  const doc = buildDocument('cccd-2021');
  const wrong = `${doc.holder.idNumber.slice(0, 6)}${doc.holder.idNumber.slice(6) === '000000' ? '000001' : '000000'}`;
  await assert.rejects(read(doc, { kind: 'cccd', idNumber: wrong }).out, (e) => isEidError(e, 'BIRTH_DATE_NEEDED') && e.params.reason === 'pace-refused');
  await assert.rejects(read(doc, { kind: 'cccd', idNumber: wrong, dateOfBirth: dobOf(doc) }).out, (e) => isEidError(e, 'ACCESS_DENIED'));
});

test('the QR code opens with PACE-CAN first; its BAC candidates follow', async () => {
  const doc = buildDocument('can-cuoc-2024');
  const p = doc.holder;
  const dmy = (d: { year: number; month: number; day: number }): string => `${String(d.day).padStart(2, '0')}${String(d.month).padStart(2, '0')}${d.year}`;
  const qr = `${p.idNumber}|${p.oldIdNumber}|${p.fullName}|${dmy(p.dateOfBirth)}|${p.sex === 'M' ? 'Nam' : 'Nữ'}|${p.placeOfResidence}|${dmy(p.dateOfIssue)}`;
  const plan = keyCandidates({ kind: 'qr', text: qr }, NOW);
  assert.deepEqual(plan.candidates[0]!.key, { kind: 'CAN', can: p.idNumber.slice(6) });
  assert.ok(plan.candidates.slice(1).every((c) => c.key.kind === 'MRZ') && plan.candidates.length > 1);
  const { result } = await read(doc, { kind: 'qr', text: qr }).out;
  assert.equal(result.checks.accessControl.protocol, 'PACE-CAN ECDH-GM-AES-128 brainpoolP256r1');
  // The same holder on a chip without PACE: the QR's birth date and issue date give the BAC key.
  const withoutPace = await read(buildDocument('can-cuoc-2024', 'without-pace'), { kind: 'qr', text: qr }).out;
  assert.equal(withoutPace.result.verdict, 'VERIFIED');
  assert.equal(withoutPace.result.checks.accessControl.protocol, 'BAC');
});
