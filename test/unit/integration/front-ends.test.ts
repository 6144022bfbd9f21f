/**
 * Every way of running the terminal (the service behind `serve` and `start`, the Electron shell)
 * starts it through one code path, startTerminal, so the integration API runs beside each of
 * them when it is on; and that path does start it, and stops it with the terminal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importsOf } from '../../../scripts/import-check.ts';
import { runIntegration, startTerminal } from '../../../integration/start.ts';
import { createHost } from '../../../host/create-host.ts';
import { WebSocket } from 'ws';
import { basic, followSocket, SUPERVISOR } from './harness.ts';

const FRONT_ENDS = ['service/main.ts', 'electron/main.ts'];

test('the service and the Electron shell build the terminal only through startTerminal', () => {
  for (const file of FRONT_ENDS) {
    const text = readFileSync(file, 'utf8');
    const imports = importsOf(text);
    assert.ok(imports.includes('../integration/start.ts'), `${file} imports integration/start.ts`);
    assert.match(text, /\bstartTerminal\(/, `${file} calls startTerminal`);
    assert.ok(!imports.includes('../host/create-host.ts'), `${file} builds no terminal of its own`);
  }
});

test('startTerminal runs the integration API when it is on, and closing the terminal stops it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-front-end-'));
  try {
    const running = await startTerminal({ dataDir, sync: false, virtualReader: false, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } }, { port: 0 });
    assert.equal(running.integration.server(), null, 'off on a fresh terminal');
    const { url } = await running.host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true });
    assert.ok(url);
    assert.equal((await fetch(`${url}/v1/status`)).status, 401);
    await running.close();
    await assert.rejects(fetch(`${url}/v1/status`));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('never switched: the API runs while a client exists; the last one revoked is told so, and it comes back on the port it had', { timeout: 20_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-front-end-'));
  const running = await startTerminal({ dataDir, sync: false, virtualReader: false, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } }, { port: 0 });
  try {
    const terminal = running.host.terminal;
    const { client, secret } = await terminal.addIntegrationClient({ ...SUPERVISOR, client: { name: 'HIS', scopes: ['status'] } });
    const { url } = await terminal.getIntegrationApi(SUPERVISOR);
    assert.ok(url);
    const socket = await followSocket(new WebSocket(`${url.replace('http', 'ws')}/v1/events`, { headers: { authorization: basic({ id: client.id, secret }) } }));
    await terminal.revokeIntegrationClient({ ...SUPERVISOR, id: client.id });
    assert.equal(await socket.closed, 4003, 'revoked, not merely "going away"');
    assert.deepEqual(await terminal.getIntegrationApi(SUPERVISOR), { enabled: false, port: Number(new URL(url).port), url: null, error: null });
    await assert.rejects(fetch(`${url}/v1/status`));
    await terminal.addIntegrationClient({ ...SUPERVISOR, client: { name: 'HIS 2', scopes: ['status'] } });
    assert.equal((await terminal.getIntegrationApi(SUPERVISOR)).url, url);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a terminal built without startTerminal reports no port: the screen says a restart is needed', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-front-end-'));
  const host = await createHost({ dataDir, sync: false, virtualReader: false, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } });
  try {
    assert.deepEqual(await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true }), { enabled: true, port: null, url: null, error: null });
  } finally {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a look that fails (the database busy) does not stop the later ones', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-front-end-'));
  const host = await createHost({ dataDir, sync: false, virtualReader: false, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } });
  let busy = false;
  const settings = { get: (key: string) => { if (busy) throw new Error('database is locked'); return host.store.settings.get(key); } };
  const store = new Proxy(host.store, { get: (target, p) => (p === 'settings' ? settings : Reflect.get(target, p)) });
  const told: string[] = [];
  const integration = await runIntegration({ store, terminal: host.terminal }, { port: 0, recheckMs: 3_600_000, onError: (e) => told.push(e.code) });
  try {
    busy = true;
    await integration.recheck();
    await integration.recheck();
    assert.deepEqual(told, ['INTERNAL_ERROR'], 'told once');
    assert.equal((await host.terminal.getIntegrationApi(SUPERVISOR)).error?.code, 'INTERNAL_ERROR');
    busy = false;
    // A change on the screen is not lost to the failure before it, and succeeds.
    assert.ok((await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true })).url);
  } finally {
    await integration.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
