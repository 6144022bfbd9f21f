/**
 * Who gets in: loopback Host only, CORS and Private Network Access preflights answered for
 * registered origins only, browser clients pinned to their origins, native clients refused from
 * pages, one-time tickets for browser WebSockets, revoked clients refused and disconnected.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { followSocket, integrationHarness, SUPERVISOR } from './harness.ts';

const h = await integrationHarness();
after(() => h.close());

const PAGE = 'https://teller.bank.example';
const browser = await h.addClient('Teller web', ['results', 'request'], [PAGE]);
const native = await h.addClient('HIS', ['results', 'status']);

/** A raw request, with whatever Host header is given (fetch would not let a test set it). */
function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.server.port, path, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a Host other than the loopback address and port is refused (DNS rebinding)', async () => {
  assert.equal((await raw('/v1/status', { host: `evil.example:${h.server.port}` })).status, 421);
  assert.equal((await raw('/v1/status', { host: `localhost:${h.server.port}` })).status, 401);
});

test('the preflight of a registered origin is answered with CORS and Private Network Access; others get nothing', async () => {
  const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type', 'access-control-request-private-network': 'true' };
  const ok = await raw('/v1/tickets', { host: `127.0.0.1:${h.server.port}`, origin: PAGE, ...preflight }, 'OPTIONS');
  assert.equal(ok.status, 204);
  assert.equal(ok.headers['access-control-allow-origin'], PAGE);
  assert.equal(ok.headers['access-control-allow-private-network'], 'true');
  assert.match(String(ok.headers['access-control-allow-headers']), /authorization/);
  const other = await raw('/v1/tickets', { host: `127.0.0.1:${h.server.port}`, origin: 'https://phish.example', ...preflight }, 'OPTIONS');
  assert.equal(other.status, 403);
  assert.equal(other.headers['access-control-allow-origin'], undefined);
  assert.equal(other.headers['access-control-allow-private-network'], undefined);
});

test('a browser client works from its origin only; a native client never from a page', async () => {
  const fromPage = await h.http('/v1/tickets', { method: 'POST', client: browser, origin: PAGE });
  assert.equal(fromPage.status, 201);
  assert.equal(fromPage.headers.get('access-control-allow-origin'), PAGE);
  assert.equal((await h.http('/v1/tickets', { method: 'POST', client: browser })).body.error.code, 'ORIGIN_NOT_ALLOWED');
  assert.equal((await h.http('/v1/tickets', { method: 'POST', client: browser, origin: 'https://phish.example' })).status, 403);
  // The page of one registered client cannot use another client's secret.
  const nativeFromPage = await h.http('/v1/status', { client: native, origin: PAGE });
  assert.equal(nativeFromPage.status, 403);
  assert.equal(nativeFromPage.body.error.code, 'ORIGIN_NOT_ALLOWED');
  assert.equal((await h.http('/v1/status', { client: native })).status, 200);
});

test('a ticket opens one WebSocket, from the origin it was issued to, once', async () => {
  const { ticket } = (await h.http('/v1/tickets', { method: 'POST', client: browser, origin: PAGE })).body;
  const url = `ws://127.0.0.1:${h.server.port}/v1/events?ticket=${ticket}`;
  await assert.rejects(followSocket(new WebSocket(url, { headers: { origin: 'https://phish.example' } })), /refused: 401/);
  const second = (await h.http('/v1/tickets', { method: 'POST', client: browser, origin: PAGE })).body.ticket;
  const socket = await followSocket(new WebSocket(`ws://127.0.0.1:${h.server.port}/v1/events?ticket=${second}`, { headers: { origin: PAGE } }));
  assert.equal((await socket.next((m) => m.type === 'hello')).data.client.id, browser.id);
  await assert.rejects(followSocket(new WebSocket(`ws://127.0.0.1:${h.server.port}/v1/events?ticket=${second}`, { headers: { origin: PAGE } })), /refused: 401/);
  socket.close();
  await assert.rejects(followSocket(new WebSocket(`ws://127.0.0.1:${h.server.port}/v1/events`, { headers: { origin: PAGE } })), /refused: 401/);
});

test('a revoked client is refused at once and its open connection is closed before the next event', async () => {
  const doomed = await h.addClient('Old kiosk app', ['results', 'status']);
  const socket = await h.connect(doomed);
  await socket.next((m) => m.type === 'hello');
  const revoked = await h.host.terminal.revokeIntegrationClient({ ...SUPERVISOR, id: doomed.id });
  assert.ok(revoked.revokedAt);
  assert.equal((await h.http('/v1/status', { client: doomed })).status, 401);
  await assert.rejects(h.connect(doomed), /refused: 401/);
  await h.insertCard();
  assert.equal(await socket.closed, 4003);
  assert.equal(socket.messages.filter((m) => m.type === 'reader.changed').length, 0);
  assert.ok(h.host.store.audit.list(20).some((e) => e.action === 'integration-client-revoke' && e.detail.client === doomed.id));
});

test('client management needs a supervisor PIN', async () => {
  await assert.rejects(h.host.terminal.addIntegrationClient({ operator: 'lan', pin: '0000', client: { name: 'x', scopes: ['results'] } }), /OPERATOR_AUTH_FAILED|wrong PIN/);
  await assert.rejects(h.host.terminal.addIntegrationClient({ ...SUPERVISOR, client: { name: 'x', scopes: ['results'], origins: ['http://bank.example'] } }), (e: { code?: string }) => e.code === 'INTEGRATION_CLIENT_INVALID');
  const list = await h.host.terminal.listIntegrationClients(SUPERVISOR);
  assert.ok(list.some((c) => c.id === browser.id && c.origins[0] === PAGE));
});
