import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, Clock, tempStore, vnResult } from './fixtures.ts';

test('purge turns expired, acknowledged records into tombstones and the chain still verifies', () => {
  const clock = new Clock(Date.parse('2026-01-01T09:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const mai = t.store.operators.add('Mai', 'supervisor', '2468', null);
    const hospital = t.store.write({ result: vnResult(ALICE), context: { operator: 'Mai', purpose: 'hospital' } }); // 365 days
    const minimal = t.store.write({ result: vnResult(BOB), context: { operator: 'Mai', purpose: 'minimal' } }); // 90 days
    const bank = t.store.write({ result: vnResult(BOB), context: { operator: 'Mai', purpose: 'bank' } }); // 5 years
    t.store.outbox.acknowledge([hospital.id, minimal.id]);

    clock.advanceDays(89);
    assert.deepEqual(t.store.purgeExpired(mai), { purged: 0, waiting: 0, neverSynced: 0 });

    clock.advanceDays(2);
    assert.deepEqual(t.store.purgeExpired(mai), { purged: 1, waiting: 0, neverSynced: 0 });
    const tomb = t.store.records.get(minimal.id);
    assert.equal(tomb.personal, null);
    assert.equal(tomb.purgedAt, clock.now().toISOString());
    assert.equal(tomb.verdict, 'VERIFIED');
    assert.equal(tomb.checks.sodSignature.status, 'PASS');
    assert.equal(t.store.records.list({ search: BOB.idNumber }).records.length, 1, 'the bank record is still searchable');
    assert.deepEqual(t.store.outbox.pending(10).map((e) => e.id), [bank.id], 'the unacknowledged record is still in the outbox');

    clock.advanceDays(300);
    assert.equal(t.store.purgeExpired(mai).purged, 1);
    assert.equal(t.store.records.list({ search: ALICE.idNumber }).records.length, 0);
    assert.equal(t.store.records.list({ search: 'duong' }).records.length, 0);
    assert.equal(t.store.records.get(bank.id).personal?.fullName, BOB.fullName);

    const report = t.store.verifyChain();
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.tombstones, 2);
    assert.equal(report.records, 3);
    // Purging again does nothing.
    assert.equal(t.store.purgeExpired(mai).purged, 0);
    assert.deepEqual(t.store.audit.list().filter((e) => e.action === 'purge').map((e) => [e.actor, e.detail.purged]),
      [['Mai', 0], ['Mai', 1], ['Mai', 1], ['Mai', 0]]);
  } finally {
    t.cleanup();
  }
});

test("purge drops the teller's words about a face match with the record's personal fields, and the chain still verifies", () => {
  const clock = new Clock(Date.parse('2026-01-01T09:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const mai = t.store.operators.add('Mai', 'supervisor', '2468', null);
    const record = t.store.write({ result: vnResult(ALICE), context: { operator: 'Mai', purpose: 'minimal' } });
    t.store.faceMatches.record(record.id, 'Mai', {
      outcome: 'DECIDED', decision: 'NO_MATCH', score: 0.4, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED',
      tellerDecision: 'MATCH', reason: `same person as ${ALICE.fullName}, new glasses`, teller: 'OVERRIDDEN',
    });
    t.store.outbox.acknowledge([record.id]);
    clock.advanceDays(91);
    assert.equal(t.store.purgeExpired(mai).purged, 1);
    const kept = t.store.faceMatches.get(record.id);
    assert.equal(kept?.reason, null, "the teller's words may name the customer: they leave with the personal fields");
    assert.equal(kept?.decision, 'NO_MATCH', 'the decision itself stays with the tombstone');
    const report = t.store.verifyChain();
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.faceMatches, 1);
  } finally {
    t.cleanup();
  }
});
