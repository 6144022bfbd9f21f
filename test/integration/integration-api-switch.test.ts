/**
 * The integration API switched from the command line while the terminal runs (`eid-terminal
 * serve`, another process): `records settings integrationApi on` starts it and `off` stops it,
 * without restarting the terminal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunningCli, runCli, runCliAsync } from '../helpers/cli-process.ts';

const SUPERVISOR = { name: 'lan', pin: '2468' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const listening = (url: string): Promise<boolean> => fetch(`${url}/v1/status`).then(() => true, () => false);

/** Waits until the API is (or is not) there; the running terminal looks every few seconds. */
async function until(url: string, wanted: boolean): Promise<void> {
  for (let i = 0; i < 300 && (await listening(url)) !== wanted; i++) await sleep(100);
  assert.equal(await listening(url), wanted, `${url} ${wanted ? 'listening' : 'stopped'}`);
}

test('records settings integrationApi on|off starts and stops the API of the running terminal', { timeout: 180_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-integration-switch-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  assert.equal(runCli(['records', 'operator-add', SUPERVISOR.name, '--role', 'supervisor', '--data-dir', dataDir], { env: { EID_TERMINAL_PIN: SUPERVISOR.pin } }).status, 0);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cli = new RunningCli(['serve', '--no-browser', '--no-pcsc', '--integration-port', String(port), '--data-dir', dataDir]);
  t.after(() => cli.stop());
  await cli.waitFor(/http:\/\/127\.0\.0\.1:\d+\/\?(?:token|code)=[0-9a-f]+/);
  assert.equal(await listening(url), false, 'off: no client, never switched on');

  const set = (value: string) => runCliAsync(['records', 'settings', 'integrationApi', value, '--by', SUPERVISOR.name, '--data-dir', dataDir], { env: { EID_TERMINAL_BY_PIN: SUPERVISOR.pin } });
  assert.equal((await set('on')).status, 0);
  await cli.waitFor(new RegExp(`Integration API: ${url.replace(/\./g, '\\.')}`));
  assert.equal((await fetch(`${url}/v1/status`)).status, 401);

  assert.equal((await set('off')).status, 0);
  await until(url, false);
  assert.equal((await set('on')).status, 0);
  await until(url, true);
  assert.equal(await cli.stop(), 0);
});
