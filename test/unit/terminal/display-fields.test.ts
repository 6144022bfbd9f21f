/**
 * Purpose profiles decide what the result screen is given of the holder, not only what is kept;
 * a supervisor may adjust it per profile (issue 14, item 5). The history masks ID numbers, and
 * its detail view gives the checks, warnings, operator, purpose and sync state (item 10).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionEvent } from '../../../core/api/terminal-api.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { signedInHost, SUPERVISOR } from './signed-in-host.ts';
import { BUILT_IN_PROFILES } from '../../../core/store/profiles.ts';
import { isEidError } from '../../../core/errors.ts';
import { tempStore } from '../store/fixtures.ts';

const host = await signedInHost('display');
const terminal = host.terminal;
const boss = SUPERVISOR;

/** Verifies the sample CCCD and returns the finished session as the screen receives it. */
async function verified(): Promise<SessionEvent> {
  await terminal.insertDemoCard({ profile: 'cccd-2021', variant: null });
  const { sessionId } = await terminal.startVerification({ reader: null, key: { kind: 'mrz', mrz: buildDocument('cccd-2021').access.mrz } });
  for (;;) {
    const done = (await terminal.getSessions()).find((e) => e.sessionId === sessionId && (e.state === 'done' || e.state === 'error'));
    if (done) return done;
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('each built-in profile shows what its purpose needs', () => {
  assert.deepEqual(BUILT_IN_PROFILES.hospital!.show, ['fullName', 'dateOfBirth', 'age', 'sex', 'idNumber', 'placeOfResidence', 'face']);
  assert.deepEqual(BUILT_IN_PROFILES.minimal!.show, ['fullName', 'face']);
  for (const p of Object.values(BUILT_IN_PROFILES)) {
    for (const never of ['religion', 'fatherName', 'motherName', 'spouseName', 'identifyingMarks'] as const) assert.ok(!p.show.includes(never), `${p.name} shows ${never}`);
  }
});

test('the hospital profile gives the screen name, birth date, sex, ID number, address and photo, nothing else', async () => {
  await terminal.updateSettings({ ...boss, settings: { purpose: 'hospital' } });
  const { outcome } = await verified();
  const vn = outcome!.result.document!.vn!;
  assert.ok(vn.fullName && vn.dateOfBirth && vn.sex && vn.idNumber && vn.placeOfResidence);
  assert.equal(vn.religion, null);
  assert.equal(vn.fatherName, null);
  assert.equal(vn.ethnicity, null);
  assert.equal(vn.placeOfOrigin, null);
  assert.equal(outcome!.result.document!.mrz, '', 'the MRZ is never on screen');
  assert.ok(outcome!.faceDataUrl);
  assert.ok(outcome!.displayFields.includes('age'));
});

test('a supervisor adjusts the fields of a profile; null goes back to its default', async () => {
  await terminal.updateSettings({ ...boss, settings: { purpose: 'minimal' } });
  let { outcome } = await verified();
  assert.equal(outcome!.result.document!.vn!.idNumber, null);
  assert.equal(outcome!.result.document!.personalNumber, null);
  assert.ok(outcome!.faceDataUrl);

  const saved = await terminal.updateSettings({ ...boss, settings: { displayFields: ['fullName', 'idNumber'] } });
  assert.deepEqual(saved.displayFields, ['fullName', 'idNumber']);
  ({ outcome } = await verified());
  assert.ok(outcome!.result.document!.vn!.idNumber);
  assert.equal(outcome!.faceDataUrl, null, 'the photo is not sent when not shown');

  assert.equal((await terminal.updateSettings({ ...boss, settings: { displayFields: null } })).displayFields, null);
  assert.deepEqual((await terminal.listPurposes()).find((p) => p.id === 'minimal')?.show, ['fullName', 'face']);
});

test('the displayFields setting is checked against the display fields, per profile', () => {
  const t = tempStore();
  try {
    assert.throws(() => t.store.settings.set('displayFields', '{"minimal":["nonsense"]}'), (e) => isEidError(e, 'SETTING_INVALID'));
    assert.throws(() => t.store.settings.set('displayFields', 'face'), (e) => isEidError(e, 'SETTING_INVALID'));
    t.store.settings.set('displayFields', '{"minimal":["fullName"]}');
    assert.deepEqual(t.store.displayFields(), BUILT_IN_PROFILES.bank!.show);
    t.store.settings.set('purposeProfile', 'minimal');
    assert.deepEqual(t.store.displayFields(), ['fullName']);
  } finally {
    t.cleanup();
  }
});

test('the history masks the ID number to its last 4 digits, and finds records by their last 4 to 6', async () => {
  const idNumber = buildDocument('cccd-2021').holder.idNumber;
  const { records } = await terminal.listRecords({ search: idNumber.slice(-6) });
  assert.ok(records.length >= 1);
  assert.equal(records[0]!.idNumber, `${'•'.repeat(8)}${idNumber.slice(-4)}`);
  assert.equal((await terminal.listRecords({ search: idNumber.slice(-4) })).total, records.length);
});

test('a record in detail: its checks and warnings, operator, purpose and sync state, the ID number still masked', async () => {
  const { outcome } = await verified();
  const record = await terminal.getRecord({ id: outcome!.recordId! });
  assert.equal(record.operator, 'Mai');
  assert.equal(record.purpose, (await terminal.getSettings()).purpose);
  assert.equal(record.checks.chipAuthentication.status, 'PASS');
  assert.deepEqual(record.warnings, outcome!.result.warnings);
  assert.equal(record.synced, false);
  assert.equal(record.syncedAt, null);
  assert.match(record.idNumber ?? '', /^•+\d{4}$/);
  await assert.rejects(terminal.getRecord({ id: 'nope' }), (e) => isEidError(e, 'RECORD_NOT_FOUND'));
});
