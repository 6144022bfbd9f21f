/**
 * Face match at the counter, in the core (issue 17, items 2 and 3): which reads ask the screen for
 * it (a VERIFIED document whose photo is shown, under a profile that asks: the bank by default,
 * any profile a supervisor enables, at the threshold a supervisor sets), and what the record keeps
 * of the screen's report: the decision, score, threshold, model, active check and the teller's
 * conclusion, once per record, an override only with a reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionEvent } from '../../../core/api/terminal-api.ts';
import type { FaceMatchReport } from '../../../core/api/face-match.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { signedInHost, SUPERVISOR } from './signed-in-host.ts';
import { isEidError } from '../../../core/errors.ts';

const host = await signedInHost('face-match');
const terminal = host.terminal;
const boss = SUPERVISOR;

async function read(variant: 'tampered-dg' | null = null): Promise<SessionEvent> {
  await terminal.insertDemoCard({ profile: 'cccd-2021', variant });
  const { sessionId } = await terminal.startVerification({ reader: null, key: { kind: 'mrz', mrz: buildDocument('cccd-2021', variant).access.mrz } });
  for (;;) {
    const done = (await terminal.getSessions()).find((e) => e.sessionId === sessionId && (e.state === 'done' || e.state === 'error'));
    if (done) return done;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const report = (over: Partial<FaceMatchReport> = {}): FaceMatchReport => ({
  outcome: 'DECIDED', decision: 'MATCH', score: 0.71, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED', tellerDecision: 'MATCH', reason: null, ...over,
});

const code = (e: unknown): string | undefined => (isEidError(e) ? e.code : undefined);

test('the bank profile asks for face match at the measured threshold after a VERIFIED read', async () => {
  const settings = await terminal.getSettings();
  assert.equal(settings.purpose, 'bank');
  assert.deepEqual(settings.faceMatch, { enabled: true, threshold: 0.62 });
  assert.equal(settings.camera, null);
  const { outcome } = await read();
  assert.equal(outcome!.result.verdict, 'VERIFIED');
  assert.deepEqual(outcome!.faceMatch, { threshold: 0.62, uncertainMargin: 0.12 });
});

test('a document that failed is not matched: its photo proves nothing about the customer', async () => {
  const { outcome } = await read('tampered-dg');
  assert.equal(outcome!.result.verdict, 'FAILED');
  assert.equal(outcome!.faceMatch, null);
});

test('other profiles do not ask unless a supervisor enables it; the threshold is theirs to set, within bounds', async () => {
  await terminal.updateSettings({ ...boss, settings: { purpose: 'hospital' } });
  assert.deepEqual((await terminal.getSettings()).faceMatch, { enabled: false, threshold: 0.62 });
  assert.equal((await read()).outcome!.faceMatch, null);
  await terminal.updateSettings({ ...boss, settings: { faceMatch: { enabled: true, threshold: 0.7 } } });
  assert.deepEqual((await read()).outcome!.faceMatch, { threshold: 0.7, uncertainMargin: 0.12 });
  const purposes = await terminal.listPurposes();
  assert.deepEqual(purposes.find((p) => p.id === 'hospital')?.faceMatch, { enabled: true, threshold: 0.7 });
  assert.deepEqual(purposes.find((p) => p.id === 'bank')?.faceMatch, { enabled: true, threshold: 0.62 }, 'the bank keeps its own');
  await assert.rejects(terminal.updateSettings({ ...boss, settings: { faceMatch: { enabled: true, threshold: 0.1 } } }));
  // Without the photo on screen there is nothing to compare.
  await terminal.updateSettings({ ...boss, settings: { displayFields: ['fullName'] } });
  assert.equal((await read()).outcome!.faceMatch, null);
  await terminal.updateSettings({ ...boss, settings: { displayFields: null, faceMatch: null } });
  assert.deepEqual((await terminal.getSettings()).faceMatch, { enabled: false, threshold: 0.62 }, 'back to the profile default');
  await terminal.updateSettings({ ...boss, settings: { purpose: 'bank', camera: 'cam-2' } });
  assert.equal((await terminal.getSettings()).camera, 'cam-2');
  await terminal.updateSettings({ ...boss, settings: { camera: null } });
  assert.equal((await terminal.getSettings()).camera, null);
});

test('the record keeps the face match and the teller confirmation, once', async () => {
  const { outcome } = await read();
  const recordId = outcome!.recordId!;
  await terminal.recordFaceMatch({ recordId, report: report() });
  const kept = host.store.faceMatches.get(recordId);
  assert.deepEqual({ ...kept, at: undefined }, { ...report(), teller: 'CONFIRMED', operator: 'Mai', at: undefined });
  await assert.rejects(terminal.recordFaceMatch({ recordId, report: report({ tellerDecision: 'NO_MATCH', reason: 'changed my mind' }) }), (e) => code(e) === 'FACE_MATCH_RECORDED');
  await assert.rejects(terminal.recordFaceMatch({ recordId: 'no-such-record', report: report() }), (e) => code(e) === 'RECORD_NOT_FOUND');
});

test('going against the machine needs a reason; UNCERTAIN and no camera are the teller\'s own comparison', async () => {
  const overridden = (await read()).outcome!.recordId!;
  await assert.rejects(terminal.recordFaceMatch({ recordId: overridden, report: report({ decision: 'NO_MATCH', score: 0.3, tellerDecision: 'MATCH', reason: '  ' }) }), (e) => code(e) === 'FACE_OVERRIDE_REASON_MISSING');
  await terminal.recordFaceMatch({ recordId: overridden, report: report({ decision: 'NO_MATCH', score: 0.3, tellerDecision: 'MATCH', reason: 'glasses and a beard since the photo' }) });
  assert.equal(host.store.faceMatches.get(overridden)?.teller, 'OVERRIDDEN');
  assert.equal(host.store.faceMatches.get(overridden)?.reason, 'glasses and a beard since the photo');
  const detail = await terminal.getRecord({ id: overridden });
  assert.deepEqual(detail.faceMatch, { outcome: 'DECIDED', decision: 'NO_MATCH', score: 0.3, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED', tellerDecision: 'MATCH', teller: 'OVERRIDDEN' }, 'the history shows the override, not the words');
  assert.equal((await terminal.getRecord({ id: (await read()).outcome!.recordId! })).faceMatch, null);
  const uncertain = (await read()).outcome!.recordId!;
  await terminal.recordFaceMatch({ recordId: uncertain, report: report({ decision: 'UNCERTAIN', score: 0.55, tellerDecision: 'NO_MATCH' }) });
  assert.equal(host.store.faceMatches.get(uncertain)?.teller, 'MANUAL');
  const noCamera = (await read()).outcome!.recordId!;
  await terminal.recordFaceMatch({ recordId: noCamera, report: report({ outcome: 'NO_CAMERA', decision: null, score: null, model: '', activeCheck: 'NOT_PERFORMED' }) });
  assert.equal(host.store.faceMatches.get(noCamera)?.teller, 'MANUAL');
});
