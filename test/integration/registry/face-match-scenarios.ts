/**
 * The face match's way to the registry, run once per registry store (SQLite and PostgreSQL): the
 * terminal store queues it when the teller concludes, the worker sends it after its record, the
 * registry keeps it once beside that record, refuses a different one and one whose record it
 * does not hold from that terminal, and the teller's own words never leave the terminal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createEnrolmentCode } from '../../../registry/enrolment-codes.ts';
import type { RunningRegistry } from '../../../registry/start.ts';
import { enrolTerminal } from '../../../core/sync/enrolment.ts';
import { syncWorkerFor } from '../../../core/sync/sync-service.ts';
import { loadIdentity } from '../../../core/sync/identity.ts';
import { RegistryClient } from '../../../core/sync/registry-client.ts';
import { chainHash } from '../../../core/registry-protocol/record-chain.ts';
import type { FaceMatchRecord } from '../../../core/api/face-match.ts';
import { ALICE, BOB, tempStore, vnResult } from '../../unit/store/fixtures.ts';

const overridden: FaceMatchRecord = {
  outcome: 'DECIDED', decision: 'NO_MATCH', score: 0.41, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED',
  tellerDecision: 'MATCH', reason: 'Nguyễn Văn A wears glasses now', teller: 'OVERRIDDEN',
};

async function enrolledTerminal(registry: RunningRegistry) {
  const terminal = tempStore();
  const { code } = await createEnrolmentCode(registry.store, new Date());
  await enrolTerminal(terminal.store.kv, registry.url, code);
  const identity = loadIdentity(terminal.store.kv)!;
  return {
    terminal, identity,
    client: () => new RegistryClient(registry.url, identity, { timeoutMs: 5000 }),
    cleanup: () => {
      terminal.store.close();
      rmSync(terminal.dir, { recursive: true, force: true });
    },
  };
}

export function faceMatchScenarios(label: string, registry: () => RunningRegistry): void {
  test(`${label}: a face match follows its record to the registry, once, without the teller's words`, async (t) => {
    const { terminal, identity, cleanup } = await enrolledTerminal(registry());
    t.after(cleanup);
    const store = terminal.store;
    const matched = store.write({ result: vnResult(ALICE), context: { operator: 'clerk-1' } });
    const plain = store.write({ result: vnResult(BOB), context: { operator: 'clerk-1' } });
    store.faceMatches.record(matched.id, 'clerk-1', overridden);
    assert.deepEqual(store.faceMatchOutbox.pending(10), [], 'held until its record is acknowledged');
    assert.equal(store.faceMatchOutbox.pendingCount(), 1, 'but counted as waiting');

    const worker = syncWorkerFor(store)!;
    const round = await worker.syncOnce();
    assert.equal(round.acknowledged, 3, 'two records, then the face match in the same round');
    assert.equal(store.outbox.pendingCount() + store.faceMatchOutbox.pendingCount(), 0);
    assert.equal(worker.status().pending, 0);

    const stored = await registry().store.queryRecords({ terminalId: identity.terminalId, limit: 10 });
    assert.deepEqual(stored.map((r) => r.id), [matched.id, plain.id]);
    assert.deepEqual(stored.flatMap((r) => r.flags), [], 'records without a face match are as valid as before');
    assert.equal(stored[1]!.faceMatch, null);
    const sent = JSON.parse(stored[0]!.faceMatch!) as Record<string, unknown>;
    const { reason: _words, ...kept } = overridden;
    assert.deepEqual({ ...sent, concludedAt: undefined, hash: undefined }, {
      ...kept, recordId: matched.id, operator: 'clerk-1', concludedAt: undefined, prevHash: matched.hash, hash: undefined,
    });
    assert.equal(sent.hash, chainHash(matched.hash, sent), 'linked to the record it concludes');
    assert.equal(sent.concludedAt, store.faceMatches.get(matched.id)!.at);
    assert.doesNotMatch(stored[0]!.faceMatch!, /Nguyễn|glasses/);

    assert.equal((await worker.syncOnce()).sent, 0, 'nothing left to send');
  });

  test(`${label}: the same face match again is a duplicate; another one for the record, a tampered one or one for a record it does not hold is refused`, async (t) => {
    const a = await enrolledTerminal(registry());
    const b = await enrolledTerminal(registry());
    t.after(() => { a.cleanup(); b.cleanup(); });
    const rec = a.terminal.store.write({ result: vnResult(ALICE), context: { operator: 'clerk-1' } });
    a.terminal.store.faceMatches.record(rec.id, 'clerk-1', overridden);
    await syncWorkerFor(a.terminal.store)!.syncOnce();
    const stored = await registry().store.queryRecords({ terminalId: a.identity.terminalId, limit: 10 });
    const payload = JSON.parse(stored[0]!.faceMatch!) as Record<string, unknown>;
    const client = a.client();
    const push = async (faceMatches: unknown[]) => (await client.pushFaceMatches({ terminalNow: new Date().toISOString(), faceMatches })).results
      .map((r) => (r.status === 'rejected' ? r.reason : r.status));
    const unknown = { ...payload, recordId: '01900000-0000-7000-8000-000000000000' };
    assert.deepEqual(await push([{ ...unknown, hash: chainHash(String(payload.prevHash), unknown) }]), ['RECORD_UNKNOWN']);
    assert.deepEqual(await push([payload]), ['duplicate']);
    const other = { ...payload, tellerDecision: 'NO_MATCH', teller: 'CONFIRMED' };
    assert.deepEqual(await push([{ ...other, hash: chainHash(String(payload.prevHash), other) }]), ['FACE_MATCH_CONFLICT']);
    assert.deepEqual(await push([{ ...payload, score: 0.99 }]), ['TAMPERED']);
    const wrongRecord = { ...payload, prevHash: 'a'.repeat(64) };
    assert.deepEqual(await push([{ ...wrongRecord, hash: chainHash('a'.repeat(64), wrongRecord) }]), ['RECORD_HASH_MISMATCH']);
    assert.deepEqual(await push([{ recordId: rec.id }]), ['INVALID_FACE_MATCH']);
    // Terminal b knows the record id but the record is not b's.
    const fromB = await b.client().pushFaceMatches({ terminalNow: new Date().toISOString(), faceMatches: [payload] });
    assert.deepEqual(fromB.results.map((r) => (r.status === 'rejected' ? r.reason : r.status)), ['RECORD_UNKNOWN']);
    const kept = await registry().store.queryRecords({ terminalId: a.identity.terminalId, limit: 10 });
    assert.equal(JSON.parse(kept[0]!.faceMatch!).tellerDecision, 'MATCH', 'the first one stays');
  });
}
