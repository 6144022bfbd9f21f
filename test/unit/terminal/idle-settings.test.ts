/**
 * Idle clearing is configured in the one settings schema: how long a result stays on screen
 * (default 60 s) and after how long without activity the clerk is signed out (default 15 min).
 * The status carries both, so every screen follows a change at once.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../core/api/rpc-dispatch.ts';
import { createHost } from '../../../host/create-host.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-idle-test-'));
const host = await createHost({ dataDir, sync: false, virtualReader: false, pcsc: false, bootstrapSupervisor: { name: 'lan', pin: '2468' } });
const terminal = host.terminal;
after(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the idle times default to 60 s and 15 min, a supervisor changes them, and the status follows', async () => {
  const settings = await terminal.getSettings();
  assert.deepEqual([settings.resultClearSeconds, settings.idleSignOutMinutes], [60, 15]);
  assert.deepEqual((await terminal.getStatus()).idle, { resultClearSeconds: 60, signOutMinutes: 15 });
  const saved = await terminal.updateSettings({ operator: 'lan', pin: '2468', settings: { resultClearSeconds: 30, idleSignOutMinutes: 5 } });
  assert.deepEqual([saved.resultClearSeconds, saved.idleSignOutMinutes], [30, 5]);
  assert.deepEqual((await terminal.getStatus()).idle, { resultClearSeconds: 30, signOutMinutes: 5 });
});

test('times out of range are refused', async () => {
  for (const idle of [{ resultClearSeconds: 2 }, { resultClearSeconds: 100_000 }, { idleSignOutMinutes: 0 }]) {
    const outcome = await dispatch(terminal, 'updateSettings', { operator: 'lan', pin: '2468', settings: idle });
    assert.equal(outcome.ok, false, JSON.stringify(idle));
  }
});
