import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, Clock, tempStore, vnResult } from './fixtures.ts';
import { registryPayload } from '../../../core/store/registry-payload.ts';

test('outbox entries are written with each record, leased, released and acknowledged by id', () => {
  const clock = new Clock(Date.parse('2026-06-01T10:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const refs = [ALICE, BOB, ALICE, BOB].map((p) => t.store.write({ result: vnResult(p), context: { operator: 'lan', purpose: 'hospital' } }));
    const { outbox } = t.store;
    assert.equal(outbox.pendingCount(), 4);
    const batch = outbox.pending(2);
    assert.deepEqual(batch.map((e) => e.seq), [1, 2]);
    const payload = JSON.parse(batch[0]!.payload);
    assert.equal(payload.id, refs[0]!.id);
    assert.equal(payload.hash, refs[0]!.hash);
    assert.deepEqual(Object.keys(payload.personal).sort(), ['dateOfBirth', 'fullName', 'idNumber', 'sex']);
    assert.equal(payload.personal.placeOfResidence, undefined, 'kept locally, not sent');
    // The payload written with the record is what the stored record yields when read back.
    assert.equal(batch[1]!.payload, registryPayload(t.store.records.get(refs[1]!.id), t.store.profile('hospital')));

    outbox.lease(batch.map((e) => e.id), clock.ms + 30_000);
    assert.deepEqual(outbox.pending(10).map((e) => e.seq), [3, 4], 'leased entries are not offered twice');
    assert.equal(outbox.pendingCount(), 2);

    outbox.release([refs[1]!.id]);
    assert.deepEqual(outbox.pending(10).map((e) => e.seq), [2, 3, 4]);

    outbox.acknowledge([refs[0]!.id, refs[0]!.id, 'unknown-id']);
    assert.equal(t.store.records.get(refs[0]!.id).syncedAt, '2026-06-01T10:00:00.000Z');
    assert.equal(t.store.records.get(refs[1]!.id).syncedAt, null);

    // An expired lease (the worker crashed mid-batch) makes the entry pending again.
    outbox.lease([refs[2]!.id], clock.ms + 1000);
    clock.ms += 1001;
    assert.deepEqual(outbox.pending(10).map((e) => e.seq), [2, 3, 4]);
    assert.equal(outbox.pendingCount(), 3);
    assert.deepEqual(outbox.pending(0), []);
  } finally {
    t.cleanup();
  }
});

test('the key-value port keeps sync state across reopen', () => {
  const t = tempStore();
  try {
    assert.equal(t.store.kv.get('sync.cursor'), undefined);
    t.store.kv.set('sync.cursor', '42');
    assert.equal(t.reopen().kv.get('sync.cursor'), '42');
  } finally {
    t.cleanup();
  }
});
