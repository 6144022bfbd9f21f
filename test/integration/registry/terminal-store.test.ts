/**
 * The product path end to end: verifications written by core/store (outbox in the record's own
 * transaction, payload chain from core/registry-protocol/record-chain.ts), synced by the worker
 * through the store's own ports, stored once by the registry with an intact chain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createEnrolmentCode } from '../../../registry/enrolment-codes.ts';
import { enrolTerminal } from '../../../core/sync/enrolment.ts';
import { syncWorkerFor } from '../../../core/sync/sync-service.ts';
import { statusFields } from '../../../core/sync/status.ts';
import { ALICE, BOB, tempStore, vnResult } from '../../unit/store/fixtures.ts';
import { sqliteStore, start, tempDir } from './registry-harness.ts';

test('records written by the terminal store reach the registry once, chain intact, and only then count as synced', async (t) => {
  const dir = tempDir('eid-reg-store-');
  const registry = await start(sqliteStore(dir.path));
  const terminal = tempStore();
  t.after(async () => {
    await registry.close();
    await registry.store.close();
    terminal.store.close();
    rmSync(terminal.dir, { recursive: true, force: true });
    dir.remove();
  });
  const store = terminal.store;
  const { code } = await createEnrolmentCode(registry.store, new Date());
  const identity = await enrolTerminal(store.kv, registry.url, code);
  for (let i = 0; i < 12; i++) store.write({ result: vnResult(i % 2 ? ALICE : BOB, i === 5 ? 'FAILED' : 'VERIFIED'), context: { operator: 'clerk-1' } });
  const worker = syncWorkerFor(store, { batchSize: 5 })!;
  assert.equal(statusFields(worker.status()).pendingRecords, 12);
  const round = await worker.syncOnce();
  assert.equal(round.acknowledged, 12);
  assert.equal(store.outbox.pendingCount(), 0);
  const stored = await registry.store.queryRecords({ terminalId: identity.terminalId, limit: 100 });
  assert.deepEqual(stored.map((r) => r.seq), [...Array(12).keys()]);
  assert.deepEqual(stored.flatMap((r) => r.flags), [], 'the registry recomputes every link of the store-written chain');
  assert.deepEqual(await registry.store.listFlags(identity.terminalId), []);
  // The registry keeps the payload exactly as the store wrote it (the verdict of record 5 included).
  assert.equal((JSON.parse(stored[5]!.payload) as { verdict: string }).verdict, 'FAILED');
  // Sending again is harmless: nothing pending, nothing new at the registry.
  assert.equal((await worker.syncOnce()).sent, 0);
});
