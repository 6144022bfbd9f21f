import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeRecords, fillOutbox } from '../../unit/sync/memory-outbox.ts';
import { enrolTestTerminal, sqliteStore, start, tempDir } from './registry-harness.ts';

test('a terminal enrols, pushes its outbox once and the registry stores every record', async (t) => {
  const dir = tempDir('eid-reg-');
  const registry = await start(sqliteStore(dir.path));
  t.after(async () => { await registry.close(); await registry.store.close(); dir.remove(); });
  const term = await enrolTestTerminal(registry);
  fillOutbox(term.outbox, makeRecords(450));
  const worker = term.worker();
  const round = await worker.syncOnce();
  assert.equal(round.acknowledged, 450);
  assert.equal(term.outbox.pendingCount(), 0);
  const stored = await registry.store.queryRecords({ terminalId: term.identity.terminalId, limit: 1000 });
  assert.equal(stored.length, 450);
  assert.deepEqual(stored.flatMap((r) => r.flags), []);
  assert.equal(worker.status().connectivity, 'online');
});
