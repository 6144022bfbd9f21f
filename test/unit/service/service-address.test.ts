/**
 * The service keeps its port and token in the data folder, so that a restarted service answers
 * at the same address and an open kiosk page reconnects by itself; the file is the owner's only.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAtSavedAddress } from '../../../service/service-address.ts';
import { startService } from '../../../service/server.ts';
import type { GuardedApi } from '../../../core/api/method-access.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-address-'));
const staticDir = mkdtempSync(join(tmpdir(), 'eid-static-'));
after(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});
const api = { subscribe: () => () => {}, counterState: () => ({ signInRequired: false, operatorRole: null }) } as unknown as GuardedApi;
const start = (port?: number) => startAtSavedAddress(dataDir, port, (o) => startService({ api, staticDir, ...o }));

test('a restarted service has the same port and token; the saved file is 0600', async () => {
  const first = await start();
  await first.close();
  const again = await start();
  await again.close();
  assert.deepEqual([again.port, again.token], [first.port, first.token]);
  if (process.platform !== 'win32') assert.equal(statSync(join(dataDir, 'service.json')).mode & 0o777, 0o600);
});

test('a saved port now taken by someone else gives way to a new one, kept for next time; --port wins', async () => {
  const first = await start();
  await first.close();
  const squatter = createServer();
  await new Promise<void>((r) => squatter.listen(first.port, '127.0.0.1', () => r()));
  try {
    const moved = await start();
    await moved.close();
    assert.notEqual(moved.port, first.port);
    assert.equal(moved.token, first.token);
    const next = await start();
    await next.close();
    assert.equal(next.port, moved.port);
  } finally {
    squatter.close();
  }
  const given = await start(0);
  await given.close();
  assert.equal(given.token, first.token);
});
