import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, Clock, tempStore, vnResult } from './fixtures.ts';
import { registryPayloadBody } from '../../../core/store/registry-payload.ts';
import { GENESIS_HASH, verifyChainLink } from '../../../core/registry-protocol/record-chain.ts';

test('outbox entries are written with each record, leased, released and acknowledged by id', () => {
  const clock = new Clock(Date.parse('2026-06-01T10:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const refs = [ALICE, BOB, ALICE, BOB].map((p) => t.store.write({ result: vnResult(p), context: { operator: 'lan', purpose: 'hospital' } }));
    const { outbox } = t.store;
    assert.equal(outbox.pendingCount(), 4);
    const batch = outbox.pending(2);
    assert.deepEqual(batch.map((e) => e.seq), [0, 1]);
    const payload = JSON.parse(batch[0]!.payload);
    assert.equal(payload.id, refs[0]!.id);
    assert.equal(payload.recordHash, refs[0]!.hash);
    assert.deepEqual(Object.keys(payload.personal).sort(), ['dateOfBirth', 'fullName', 'idNumber', 'sex']);
    assert.equal(payload.personal.placeOfResidence, undefined, 'kept locally, not sent');
    // Payloads chain under the sync protocol's definition, which the registry re-checks, and
    // each one is what the stored record yields when read back.
    const second = JSON.parse(batch[1]!.payload);
    assert.equal(payload.prevHash, GENESIS_HASH);
    assert.equal(second.prevHash, payload.hash);
    assert.ok(verifyChainLink(payload) && verifyChainLink(second));
    assert.equal(second.recordHash, refs[1]!.hash);
    const { prevHash: _p, hash: _h, ...body } = second;
    assert.deepEqual(body, registryPayloadBody(t.store.records.get(refs[1]!.id), t.store.profile('hospital')));
    assert.equal(verifyChainLink({ ...second, verdict: 'FAILED' }), false);

    outbox.lease(batch.map((e) => e.id), clock.ms + 30_000);
    assert.deepEqual(outbox.pending(10).map((e) => e.seq), [2, 3], 'leased entries are not offered twice');
    assert.equal(outbox.pendingCount(), 2);

    outbox.release([refs[1]!.id]);
    assert.deepEqual(outbox.pending(10).map((e) => e.seq), [1, 2, 3]);

    outbox.acknowledge([refs[0]!.id, refs[0]!.id, 'unknown-id']);
    assert.equal(t.store.records.get(refs[0]!.id).syncedAt, '2026-06-01T10:00:00.000Z');
    assert.equal(t.store.records.get(refs[1]!.id).syncedAt, null);

    // An expired lease (the worker crashed mid-batch) makes the entry pending again.
    outbox.lease([refs[2]!.id], clock.ms + 1000);
    clock.ms += 1001;
    assert.deepEqual(outbox.pending(10).map((e) => e.seq), [1, 2, 3]);
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
