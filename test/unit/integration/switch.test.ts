/**
 * The integration API's on/off switch: a supervisor turns it on or off from the Settings screen
 * (TerminalApi) or the CLI's settings command, and it takes effect at once in the running
 * terminal, whatever clients exist; the screen learns the port and where it listens. The client
 * list says when each client last received a result.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { isEidError } from '../../../core/errors.ts';
import type { ErrorCode } from '../../../core/messages/catalogue.ts';
import { createHost } from '../../../host/create-host.ts';
import { runIntegration } from '../../../integration/start.ts';
import { basic, followSocket, SUPERVISOR } from './harness.ts';
import { captureOutput } from '../../helpers/cli-capture.ts';
import { main } from '../../../cli/main.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-integration-switch-'));
const host = await createHost({ dataDir, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin }, sync: false, virtualLatencyMs: 0 });
const clerk = { operator: 'hoa', pin: '1357' };
await host.terminal.addOperator({ ...SUPERVISOR, name: clerk.operator, role: 'clerk', newPin: clerk.pin });
// A free port, known before the API starts, as the default port 7891 would be.
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
// No periodic look during these tests: every change must take effect by itself.
const integration = await runIntegration(host, { port, recheckMs: 3_600_000 });
after(async () => {
  await integration.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const refused = async (url: string): Promise<boolean> => fetch(`${url}/v1/status`).then(() => false, () => true);
const code = (c: ErrorCode) => (e: unknown) => isEidError(e, c);

test('off until a client exists or a supervisor turns it on; the screen is told the port', async () => {
  const state = await host.terminal.getIntegrationApi(SUPERVISOR);
  assert.deepEqual(state, { enabled: false, port, url: null, error: null });
  await assert.rejects(host.terminal.getIntegrationApi(clerk), code('OPERATOR_FORBIDDEN'));
  await assert.rejects(host.terminal.setIntegrationApi({ ...clerk, enabled: true }), code('OPERATOR_FORBIDDEN'));
  assert.equal(integration.server(), null);
});

test('turned on, it listens at once; turned off, it stops at once, even with clients registered', async () => {
  const on = await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true });
  assert.deepEqual(on, { enabled: true, port, url: `http://127.0.0.1:${port}`, error: null });
  assert.equal((await fetch(`${on.url}/v1/status`)).status, 401);

  const { client, secret } = await host.terminal.addIntegrationClient({ ...SUPERVISOR, client: { name: 'HIS', scopes: ['results'] } });
  const socket = await followSocket(new WebSocket(`ws://127.0.0.1:${port}/v1/events`, { headers: { authorization: basic({ id: client.id, secret }) } }));
  const off = await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: false });
  assert.deepEqual(off, { enabled: false, port, url: null, error: null });
  // Not "revoked" (4003): the API went away.
  assert.equal(await socket.closed, 1001);
  assert.ok(await refused(on.url!), 'no API while it is off, though an active client exists');

  assert.equal((await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true })).url, on.url);
  assert.equal((await fetch(`${on.url}/v1/status`, { headers: { authorization: basic({ id: client.id, secret }) } })).status, 403, 'back, for the same client (no status scope)');
  const changes = host.store.audit.list(20).filter((e) => e.action === 'setting-change' && e.detail.key === 'integrationApi');
  assert.deepEqual(changes.map((e) => e.actor), [SUPERVISOR.operator, SUPERVISOR.operator, SUPERVISOR.operator]);
});

test('the CLI settings command sets it (on/off only); the running terminal follows at its next look', async () => {
  process.env.EID_TERMINAL_BY_PIN = SUPERVISOR.pin;
  const cli = (value: string) => captureOutput(() => main(['records', 'settings', 'integrationApi', value, '--by', SUPERVISOR.operator, '--data-dir', dataDir]));
  assert.equal((await cli('maybe')).code, 2);
  assert.equal((await cli('off')).code, 0);
  assert.equal((await host.terminal.getIntegrationApi(SUPERVISOR)).enabled, false);
  await integration.recheck();
  assert.equal(integration.server(), null);
  assert.equal((await cli('on')).code, 0);
  delete process.env.EID_TERMINAL_BY_PIN;
  await integration.recheck();
  assert.equal((await host.terminal.getIntegrationApi(SUPERVISOR)).url, `http://127.0.0.1:${port}`);
});

test('a port another program holds is reported on the screen, and the API starts once it is free', async () => {
  await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: false });
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  const blocked = await host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true });
  assert.equal(blocked.url, null);
  assert.equal(blocked.error?.code, 'INTEGRATION_PORT_IN_USE');
  assert.equal(blocked.error?.params.port, port);
  await new Promise<void>((resolve) => squatter.close(() => resolve()));
  await integration.recheck();
  assert.deepEqual(await host.terminal.getIntegrationApi(SUPERVISOR), { enabled: true, port, url: `http://127.0.0.1:${port}`, error: null });
});

test('the client list says when each client last received a result', async () => {
  const { client, secret } = await host.terminal.addIntegrationClient({ ...SUPERVISOR, client: { name: 'Teller', scopes: ['results'] } });
  const listed = () => host.terminal.listIntegrationClients(SUPERVISOR).then((all) => all.find((c) => c.id === client.id)!);
  assert.equal((await listed()).lastUsedAt, null);
  const socket = await followSocket(new WebSocket(`ws://127.0.0.1:${port}/v1/events`, { headers: { authorization: basic({ id: client.id, secret }) } }));
  const card = (await host.terminal.listDemoCards()).find((c) => c.profile === 'cccd-2021' && c.variant === null)!;
  await host.terminal.insertDemoCard({ profile: card.profile, variant: null });
  await host.terminal.signIn(SUPERVISOR);
  await host.terminal.startVerification({ reader: null, key: card.key });
  await socket.next((m) => m.type === 'verification.completed', 60_000);
  // The delivery is audited as it is sent: by the time the client has it, it is written.
  const used = (await listed()).lastUsedAt;
  assert.ok(used && !Number.isNaN(Date.parse(used)), `lastUsedAt ${used}`);
  socket.close();
});

test('revoked from the Settings screen, a client is disconnected at once, before any event', { timeout: 10_000 }, async () => {
  const { client, secret } = await host.terminal.addIntegrationClient({ ...SUPERVISOR, client: { name: 'Kiosk display', scopes: ['status'] } });
  const socket = await followSocket(new WebSocket(`ws://127.0.0.1:${port}/v1/events`, { headers: { authorization: basic({ id: client.id, secret }) } }));
  await host.terminal.revokeIntegrationClient({ ...SUPERVISOR, id: client.id });
  assert.equal(await socket.closed, 4003);
  // Audited as the CLI's are: the supervisor who added and revoked it.
  const audited = host.store.audit.list(50).filter((e) => e.detail.client === client.id).map((e) => [e.actor, e.action]);
  assert.deepEqual(audited, [[SUPERVISOR.operator, 'integration-client-revoke'], [SUPERVISOR.operator, 'integration-client-add']]);
});
