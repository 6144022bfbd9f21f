import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, Clock, tempStore, vnResult } from './fixtures.ts';

test('purge turns expired records into tombstones and the chain still verifies', () => {
  const clock = new Clock(Date.parse('2026-01-01T09:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const hospital = t.store.write({ result: vnResult(ALICE), context: { operator: 'lan', purpose: 'hospital' } }); // 365 days
    const minimal = t.store.write({ result: vnResult(BOB), context: { operator: 'lan', purpose: 'minimal' } }); // 90 days
    const bank = t.store.write({ result: vnResult(BOB), context: { operator: 'lan', purpose: 'bank' } }); // 5 years
    t.store.outbox.acknowledge([hospital.id]);

    clock.advanceDays(89);
    assert.deepEqual(t.store.purgeExpired(), { purged: 0, unsyncedDropped: 0 });

    clock.advanceDays(2);
    assert.deepEqual(t.store.purgeExpired(), { purged: 1, unsyncedDropped: 1 });
    const tomb = t.store.records.get(minimal.id);
    assert.equal(tomb.personal, null);
    assert.ok(tomb.purgedAt);
    assert.equal(tomb.verdict, 'VERIFIED');
    assert.equal(tomb.checks.sodSignature.status, 'PASS');
    assert.equal(t.store.records.list({ search: BOB.idNumber }).records.length, 1, 'the bank record is still searchable');
    assert.deepEqual(t.store.outbox.pending(10).map((e) => e.id), [bank.id], 'the purged record left the outbox');

    clock.advanceDays(300);
    assert.equal(t.store.purgeExpired().purged, 1);
    assert.equal(t.store.records.list({ search: ALICE.idNumber }).records.length, 0);
    assert.equal(t.store.records.list({ search: 'duong' }).records.length, 0);
    assert.equal(t.store.records.get(bank.id).personal?.fullName, BOB.fullName);

    const report = t.store.verifyChain();
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.tombstones, 2);
    assert.equal(report.records, 3);
    // Purging again does nothing.
    assert.equal(t.store.purgeExpired().purged, 0);
    assert.deepEqual(t.store.audit.list().map((e) => [e.action, e.detail.purged]), [['purge', 0], ['purge', 1], ['purge', 1], ['purge', 0]]);
  } finally {
    t.cleanup();
  }
});
