/**
 * Issue 15, rows 2 and 14, and what held of the local service (service/server.ts):
 * - row 2: the kiosk's browser window is opened on a one-time code, never the token; the code is
 *   good once and briefly, and buys an HttpOnly SameSite=Strict cookie with a redirect that leaves
 *   no code in the address bar; the token in a page or WebSocket URL is no longer accepted;
 * - row 14: CSP with base-uri, form-action and connect-src pinned to the one origin (also the
 *   page's meta CSP), Referrer-Policy: no-referrer on every answer;
 * - what held: token 401 (constant-time), foreign/null Origin 403, DNS-rebinding Host 421,
 *   WebSocket refused without token or origin, path traversal 404, prototype keys as method names
 *   refused, SQL-like search strings harmless.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { createHost } from '../../host/create-host.ts';
import { startService } from '../../service/server.ts';
import { CODE_LIFETIME_MS } from '../../service/page-codes.ts';
import { ALICE, vnResult } from '../unit/store/fixtures.ts';
import { RunningCli } from '../helpers/cli-process.ts';
import { redeemPageUrl } from '../helpers/page-session.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-local-service-'));
const staticDir = mkdtempSync(join(tmpdir(), 'eid-local-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
let clock = Date.parse('2026-03-01T08:00:00Z');
const host = await createHost({ dataDir, sync: false });
const service = await startService({ api: host.terminal, staticDir, now: () => clock });
const origin = service.origin;
after(async () => {
  await service.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

/** A raw request: fetch would normalise the path and refuses to set Host. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: service.port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const api = (method: string, headers: Record<string, string>, input: unknown = {}) =>
  raw(`/api/${method}`, { 'content-type': 'application/json', ...headers }, 'POST', JSON.stringify(input));
const bearer = { authorization: `Bearer ${service.token}` };

/** Resolves with the upgrade's answer: 'open' or the HTTP status it was refused with. */
function upgrade(path: string, headers: Record<string, string>): Promise<'open' | number> {
  const ws = new WebSocket(`ws://127.0.0.1:${service.port}${path}`, { headers });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

test('row 2: the address to open carries a one-time code, not the token', () => {
  const url = new URL(service.openUrl());
  assert.equal(url.origin, origin);
  assert.equal(url.pathname, '/');
  assert.deepEqual([...url.searchParams.keys()], ['code']);
  assert.ok(!url.href.includes(service.token));
  assert.notEqual(service.openUrl(), url.href, 'every address has its own code');
});

test('row 2: a code buys an HttpOnly, SameSite=Strict cookie once, and the redirect leaves no code in the address bar', async () => {
  const url = new URL(service.openUrl());
  const first = await raw(`/${url.search}`, { host: url.host });
  assert.equal(first.status, 303);
  assert.equal(first.headers.location, '/');
  const cookie = String(first.headers['set-cookie']);
  assert.match(cookie, /; HttpOnly/);
  assert.match(cookie, /; SameSite=Strict/);
  assert.ok(!/Max-Age|Expires/i.test(cookie), 'a session cookie, gone with the browser');
  const pair = cookie.split(';')[0]!;
  assert.equal((await api('getStatus', { host: url.host, cookie: pair, origin })).status, 200);
  assert.equal(await upgrade('/events', { host: url.host, cookie: pair, origin }), 'open');

  const again = await raw(`/${url.search}`, { host: url.host });
  assert.deepEqual([again.status, again.headers.location, again.headers['set-cookie']], [303, '/', undefined], 'the code is good once');
  assert.equal((await api('getStatus', { host: url.host, cookie: 'eid-terminal-1=nothing' })).status, 401);
});

test('row 2: a code expires', async () => {
  const url = new URL(service.openUrl());
  clock += CODE_LIFETIME_MS + 1;
  const late = await raw(`/${url.search}`, { host: url.host });
  assert.deepEqual([late.status, late.headers['set-cookie']], [303, undefined]);
});

test('row 2: the token in a page or WebSocket URL is refused', async () => {
  const host = `127.0.0.1:${service.port}`;
  assert.equal(await upgrade(`/events?token=${service.token}`, { host, origin }), 403);
  assert.equal((await raw(`/api/getStatus?token=${service.token}`, { host, 'content-type': 'application/json' }, 'POST', '{}')).status, 401);
  const page = await raw(`/?token=${service.token}`, { host });
  assert.ok(!String(page.headers['set-cookie'] ?? '').includes(service.token));
});

test('row 2: serve opens the browser window with neither the token nor the code on its command line', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-serve-ps-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A browser that writes down its arguments, as `ps -eo args` shows them to every local user.
  const browser = join(dir, 'browser');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${join(dir, 'args')}'\n`);
  chmodSync(browser, 0o755);
  const cli = new RunningCli(['serve', '--no-pcsc', '--data-dir', join(dir, 'data')], { env: { EID_TERMINAL_BROWSER: browser } });
  t.after(() => cli.stop());
  await cli.waitFor(/Press Ctrl\+C to stop\./);
  const { token } = JSON.parse(readFileSync(join(dir, 'data', 'service.json'), 'utf8')) as { token: string };
  let args = '';
  for (let i = 0; i < 100 && !args; i++) {
    args = (() => { try { return readFileSync(join(dir, 'args'), 'utf8'); } catch { return ''; } })();
    if (!args) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(!args.includes(token), args);
  assert.ok(!args.includes('code='), args);
  assert.ok(!cli.output.includes(token), 'the token is not printed either');
  // The window opens a page only this user can read, which forwards to the one-time address.
  const app = /--app=(\S+)/.exec(args)?.[1] ?? '';
  assert.match(app, /^file:\/\/.+\/open-kiosk\.html$/);
  const page = fileURLToPath(app);
  assert.equal(statSync(page).mode & 0o777, 0o600);
  const target = /url=(http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]{32})"/.exec(readFileSync(page, 'utf8'))?.[1];
  assert.ok(target, readFileSync(page, 'utf8'));
  // The code works once: the window's page gets in with it.
  const session = await redeemPageUrl(target);
  assert.equal((await session.call<{ online: boolean }>('getStatus', {})).online, false);
  assert.equal(await cli.stop(), 0);
});

test('row 14: the page has a CSP with base-uri, form-action and connect-src pinned to the one origin, and no referrer', async () => {
  const page = await raw('/', { host: `127.0.0.1:${service.port}` });
  assert.equal(page.status, 200);
  const csp = String(page.headers['content-security-policy']);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.deepEqual(directives.get('form-action'), ["'none'"]);
  assert.deepEqual(directives.get('connect-src')?.sort(), [`http://127.0.0.1:${service.port}`, `ws://127.0.0.1:${service.port}`]);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
  for (const answer of [page, await api('getStatus', { ...bearer, host: `127.0.0.1:${service.port}` }), await raw(`/?code=x`, { host: `127.0.0.1:${service.port}` })]) {
    assert.equal(answer.headers['referrer-policy'], 'no-referrer');
  }
});

test('row 14: the page\'s own meta CSP allows no other port, no ws: anywhere, no base or form targets', () => {
  const html = readFileSync(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(meta.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  assert.deepEqual(directives.get('connect-src'), ["'self'"]);
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.deepEqual(directives.get('form-action'), ["'none'"]);
});

test('what held: a missing or wrong token is refused 401, compared in constant time', async () => {
  const host = `127.0.0.1:${service.port}`;
  assert.equal((await api('getStatus', { host })).status, 401);
  assert.equal((await api('getStatus', { host, authorization: `Bearer ${'0'.repeat(service.token.length)}` })).status, 401);
  assert.equal((await api('getStatus', { host, authorization: 'Bearer short' })).status, 401);
  assert.equal((await api('getStatus', { host, ...bearer })).status, 200);
  const source = readFileSync(fileURLToPath(new URL('../../service/page-codes.ts', import.meta.url)), 'utf8');
  assert.match(source, /return timingSafeEqual\(utf8\(given\), utf8\(token\)\);/);
});

test('what held: a foreign or null Origin is refused 403, a DNS-rebinding Host 421', async () => {
  const host = `127.0.0.1:${service.port}`;
  for (const o of ['https://evil.example', 'null', `http://127.0.0.1:${service.port + 1}`, `http://localhost:${service.port}`]) {
    assert.equal((await api('getStatus', { host, ...bearer, origin: o })).status, 403, o);
  }
  for (const h of ['evil.example', `evil.example:${service.port}`, `127.0.0.1.nip.io:${service.port}`, `127.0.0.1:${service.port + 1}`]) {
    assert.equal((await api('getStatus', { host: h, ...bearer })).status, 421, h);
    assert.equal((await raw('/', { host: h })).status, 421, h);
  }
});

test('what held: the WebSocket is refused without the right token and origin', async () => {
  assert.equal(await upgrade('/events', { origin }), 403);
  assert.equal(await upgrade('/events', { origin, authorization: 'Bearer wrong' }), 403);
  assert.equal(await upgrade('/events', { ...bearer, origin: 'https://evil.example' }), 403);
  assert.equal(await upgrade('/events', { ...bearer, origin: 'null' }), 403);
  assert.equal(await upgrade('/events', { ...bearer, origin }), 'open');
});

test('what held: path traversal finds nothing outside the UI folder (404)', async () => {
  const host = `127.0.0.1:${service.port}`;
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%00', `/${'../'.repeat(8)}etc/passwd`]) {
    assert.equal((await raw(path, { host })).status, 404, path);
  }
});

test('what held: prototype keys as method names are refused', async () => {
  const host = `127.0.0.1:${service.port}`;
  for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'subscribe', 'close']) {
    const r = await api(method, { host, ...bearer });
    assert.deepEqual([r.status, (JSON.parse(r.body) as { error: { code: string } }).error.code], [404, 'UNKNOWN_METHOD'], method);
  }
});

test('what held: SQL-like search strings are harmless', async () => {
  host.store.write({ result: vnResult(ALICE), context: { operator: 'counter' } });
  const search = async (s: string): Promise<number | string> => {
    const body = JSON.parse((await api('listRecords', { host: `127.0.0.1:${service.port}`, ...bearer }, { search: s })).body) as { result?: { total: number }; error?: { code: string } };
    return body.result?.total ?? body.error!.code;
  };
  const surname = ALICE.fullName.split(' ').at(-1)!;
  assert.equal(await search(surname), 1);
  for (const s of ["' OR '1'='1", "%' OR 1=1 --", '"; DROP TABLE records; --', '%', '_']) {
    assert.ok([0, 'QUERY_INVALID'].includes(await search(s)), s);
  }
  assert.equal(await search(surname), 1, 'the table is still there');
});
