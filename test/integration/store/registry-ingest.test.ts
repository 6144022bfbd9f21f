import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ALICE, BOB, Clock, tempStore, vnResult } from '../../unit/store/fixtures.ts';
import { SqliteRegistryStore } from '../../../registry/store/sqlite-store.ts';
import { ingestBatch } from '../../../registry/ingest.ts';
import { PersonalSeal } from '../../../registry/personal-seal.ts';
import { randomBytes } from '../../../core/crypto/node-crypto.ts';

const personalSeal = new PersonalSeal(randomBytes(32));

/**
 * The outbox payloads this store writes are accepted by the reference registry's ingest rules:
 * stored once, no chain flags; and a payload altered on the way is flagged.
 */
test('outbox payloads pass the registry chain checks; an altered one is flagged TAMPERED', async () => {
  const clock = new Clock(Date.parse('2026-07-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  const registry = new SqliteRegistryStore(join(t.dir, 'registry', 'registry.sqlite'));
  try {
    const terminalId = t.store.settings.get('terminalId')!;
    await registry.createEnrolmentCode('code-hash', clock.now().toISOString(), new Date(clock.ms + 3_600_000).toISOString());
    assert.ok(await registry.consumeEnrolmentCode('code-hash', clock.now().toISOString(), { id: terminalId, name: 'counter 1', publicKey: 'x'.repeat(60), enrolledAt: clock.now().toISOString(), revokedAt: null }));
    for (const p of [ALICE, BOB, ALICE, BOB, ALICE]) {
      t.store.write({ result: vnResult(p), context: { operator: 'lan', purpose: 'hospital' } });
      clock.ms += 60_000;
    }
    const entries = t.store.outbox.pending(10);
    const send = async (payloads: string[]) => (await ingestBatch(registry, terminalId, payloads.map((p) => JSON.parse(p) as unknown), clock.now().toISOString(), clock.now(), { maxClockSkewMs: 300_000, personal: personalSeal })).results;

    // Two batches, the second one out of order, plus a redelivery.
    const first = await send(entries.slice(0, 2).map((e) => e.payload));
    assert.deepEqual(first, entries.slice(0, 2).map((e) => ({ id: e.id, status: 'stored', flags: [] })));
    const second = await send([entries[4]!, entries[2]!, entries[3]!, entries[0]!].map((e) => e.payload));
    assert.deepEqual(second.map((r) => r.status), ['stored', 'stored', 'stored', 'duplicate']);
    for (const r of second) if (r.status === 'stored') assert.deepEqual(r.flags, [], r.id);
    assert.deepEqual(await registry.listFlags(terminalId), []);

    // The registry holds no more than the profile sends: no address, no MRZ, no face.
    const stored = await registry.queryRecords({ terminalId, limit: 10 });
    assert.equal(stored.length, 5);
    for (const s of stored) {
      assert.equal(JSON.parse(s.payload).personal, null, 'personal fields are sealed, not in the payload column');
      const personal = JSON.parse(personalSeal.payloadOf(s)).personal as Record<string, string>;
      assert.deepEqual(Object.keys(personal).sort(), ['dateOfBirth', 'fullName', 'idNumber', 'sex']);
    }

    // A record changed after it left the terminal does not verify.
    t.store.write({ result: vnResult(BOB, 'FAILED'), context: { operator: 'lan', purpose: 'hospital' } });
    const forged = JSON.parse(t.store.outbox.pending(10).at(-1)!.payload) as Record<string, unknown>;
    const [result] = await send([JSON.stringify({ ...forged, verdict: 'VERIFIED' })]);
    assert.equal(result?.status, 'stored');
    assert.deepEqual(result?.status === 'stored' ? result.flags : [], ['TAMPERED']);
  } finally {
    await registry.close();
    t.cleanup();
    rmSync(join(t.dir, 'registry'), { recursive: true, force: true });
  }
});
