/**
 * Issue 15, row 3: every TerminalApi method is authorised on the server, in the dispatch both
 * transports use, not by the screen. Table-driven over the real method list: a method without a
 * rule in core/api/method-access.ts, or without a sample call here, fails. Each method is called
 * signed out, as a clerk and as a supervisor; supervisor-PIN methods also with a clerk's PIN.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, subscribeAuthorised, type RpcOutcome } from '../../core/api/rpc-dispatch.ts';
import { ACCESS_RULES, METHOD_ACCESS } from '../../core/api/method-access.ts';
import { TerminalApiSchema, type TerminalApiMethod, type TerminalEvent } from '../../core/api/terminal-api.ts';
import { createHost, type Host } from '../../host/create-host.ts';
import { startService } from '../../service/server.ts';
import { API_ACCESS_DOC, withCurrentAccessTable } from '../../scripts/access-doc.ts';

const SUPERVISOR = { operator: 'Mai', pin: '2468' };
const CLERK = { operator: 'Lan', pin: '1357' };
type Credentials = typeof SUPERVISOR;

let added = 0;
/** One valid call of each method, with the given credentials where the method takes a PIN. */
const SAMPLES: Record<TerminalApiMethod, (c: Credentials) => unknown> = {
  getStatus: () => ({}),
  login: (c) => c,
  signIn: (c) => c,
  signOut: () => ({}),
  setupSupervisor: () => ({ operator: 'Other', pin: '9999' }),
  getSettings: () => ({}),
  listPurposes: () => ({}),
  listTrust: () => ({}),
  startVerification: () => ({ reader: null, key: { kind: 'can', can: '123456' } }),
  cancelVerification: () => ({ sessionId: 'none' }),
  closeSession: () => ({ sessionId: 'none' }),
  revealFailedData: () => ({ recordId: 'none' }),
  recordFaceMatch: () => ({ recordId: 'none', report: { outcome: 'NO_CAMERA', decision: null, score: null, threshold: 0.62, model: '', activeCheck: 'NOT_PERFORMED', tellerDecision: 'MATCH', reason: null } }),
  getSessions: () => ({}),
  listRecords: () => ({}),
  getRecord: () => ({ id: 'none' }),
  listDemoCards: () => ({}),
  insertDemoCard: () => ({ profile: 'cccd-2021', variant: null }),
  removeDemoCard: () => ({}),
  exportRecords: (c) => ({ ...c, format: 'json' }),
  listOperators: (c) => c,
  addOperator: (c) => ({ ...c, name: `Clerk ${++added}`, role: 'clerk', newPin: '5555' }),
  changeOperator: (c) => ({ ...c, name: 'Lan', change: { kind: 'unlock' } }),
  updateSettings: (c) => ({ ...c, settings: { terminalName: 'Quầy 1' } }),
  importTrust: (c) => ({ ...c, fileName: 'x.pem', base64: 'AAAA' }),
  removeTrust: (c) => ({ ...c, fingerprint: '0'.repeat(64) }),
  enrol: (c) => ({ ...c, url: 'http://127.0.0.1:9/', code: 'ABCD-1234' }),
  listIntegrationClients: (c) => c,
  addIntegrationClient: (c) => ({ ...c, client: { name: `App ${++added}`, scopes: ['results'] } }),
  revokeIntegrationClient: (c) => ({ ...c, id: 'none' }),
  getIntegrationApi: (c) => c,
  setIntegrationApi: (c) => ({ ...c, enabled: false }),
};

const dirs: string[] = [];
async function terminalWithAccounts(): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-authz-'));
  dirs.push(dataDir);
  const host = await createHost({ dataDir, sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } });
  const mai = host.store.operators.authenticateSupervisor(SUPERVISOR.operator, SUPERVISOR.pin);
  host.store.operators.add(CLERK.operator, 'clerk', CLERK.pin, mai);
  return host;
}
const hosts: Host[] = [];
after(async () => {
  for (const h of hosts) await h.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const refusedForSignIn = (o: RpcOutcome): boolean => !o.ok && o.status === 403 && o.error.code === 'SIGN_IN_REQUIRED';
const AUTH_CODES = ['SIGN_IN_REQUIRED', 'OPERATOR_FORBIDDEN', 'OPERATOR_AUTH_FAILED', 'OPERATOR_LOCKED'];
const describe = (o: RpcOutcome): string => (o.ok ? 'ok' : `${o.status} ${o.error.code}`);

test('every API method has an access rule and a sample call here', () => {
  for (const method of Object.keys(TerminalApiSchema)) {
    assert.ok(ACCESS_RULES.includes(METHOD_ACCESS[method as TerminalApiMethod]), `${method} has no access rule`);
    assert.ok(method in SAMPLES, `${method} has no sample call in this test`);
  }
});

test('each method signed out, as a clerk and as a supervisor, on a terminal with accounts', async () => {
  const host = await terminalWithAccounts();
  hosts.push(host);
  const t = host.terminal;
  const as: Record<string, () => Promise<unknown>> = {
    'signed out': () => t.signOut(),
    clerk: () => t.signIn(CLERK),
    supervisor: () => t.signIn(SUPERVISOR),
  };
  for (const method of Object.keys(TerminalApiSchema) as TerminalApiMethod[]) {
    const rule = METHOD_ACCESS[method];
    for (const [who, become] of Object.entries(as)) {
      await become();
      const outcome = await dispatch(t, method, SAMPLES[method](SUPERVISOR));
      const where = `${method} (${rule}) ${who}: ${describe(outcome)}`;
      if (rule === 'operator' && who === 'signed out') assert.ok(refusedForSignIn(outcome), where);
      else assert.ok(outcome.ok || !AUTH_CODES.includes(outcome.error.code), where);
      if (rule === 'supervisor-pin') {
        await become();
        const withClerkPin = await dispatch(t, method, SAMPLES[method](CLERK));
        assert.ok(!withClerkPin.ok && withClerkPin.error.code === 'OPERATOR_FORBIDDEN', `${method} with a clerk's PIN, ${who}: ${describe(withClerkPin)}`);
      }
    }
  }
});

test('row 3: sign in, sign out, then POST /api/listRecords is refused with a typed error', async () => {
  const host = await terminalWithAccounts();
  hosts.push(host);
  const service = await startService({ api: host.terminal, staticDir: mkdtempSync(join(tmpdir(), 'eid-authz-static-')) });
  try {
    const call = async (method: string, input: unknown) => {
      const r = await fetch(`http://127.0.0.1:${service.port}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${service.token}` }, body: JSON.stringify(input) });
      return { status: r.status, body: (await r.json()) as { result?: unknown; error?: { code: string } } };
    };
    assert.equal((await call('signIn', CLERK)).status, 200);
    assert.equal((await call('listRecords', {})).status, 200);
    await call('signOut', {});
    for (const method of ['listRecords', 'getRecord', 'getSessions'] as const) {
      const refused = await call(method, SAMPLES[method](CLERK));
      assert.deepEqual([refused.status, refused.body.error?.code, refused.body.result], [403, 'SIGN_IN_REQUIRED', undefined], method);
    }
  } finally {
    await service.close();
  }
});

test('signed out, the live events carry no session (the holder\'s data and photo), over either transport\'s subscription', async () => {
  const host = await terminalWithAccounts();
  hosts.push(host);
  const t = host.terminal;
  await t.signIn(CLERK);
  await t.insertDemoCard({ profile: 'cccd-2021', variant: null });
  const done = new Promise<void>((resolve) => {
    const off = t.subscribe((e) => {
      if (e.type === 'session' && e.event.state === 'done') resolve(off());
    });
  });
  const [card] = await t.listDemoCards();
  await t.startVerification({ reader: null, key: card!.key });
  await done;
  // Status events may come too (the terminal sends them as its state changes); only sessions count here.
  const seen = async (): Promise<TerminalEvent['type'][]> => {
    const got: TerminalEvent['type'][] = [];
    const off = subscribeAuthorised(t, (e) => e.type === 'session' && got.push(e.type));
    off();
    return got;
  };
  assert.deepEqual(await seen(), ['session']);
  await t.signOut();
  assert.deepEqual(await seen(), [], 'a page that connects after sign-out gets no one\'s result');
});

test('first run, no accounts yet: reading and the history work without signing in, as the README says', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-authz-first-'));
  dirs.push(dataDir);
  const host = await createHost({ dataDir, sync: false });
  hosts.push(host);
  for (const method of Object.keys(METHOD_ACCESS) as TerminalApiMethod[]) {
    if (METHOD_ACCESS[method] !== 'operator') continue;
    const outcome = await dispatch(host.terminal, method, SAMPLES[method](SUPERVISOR));
    assert.ok(!refusedForSignIn(outcome), `${method}: ${describe(outcome)}`);
  }
});

test('docs/reference/api-access.md shows the table the dispatch uses', () => {
  const file = fileURLToPath(new URL(`../../${API_ACCESS_DOC}`, import.meta.url));
  const page = readFileSync(file, 'utf8');
  assert.equal(page, withCurrentAccessTable(page), 'stale: run node --import tsx scripts/access-doc.ts');
});
