import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SqliteRegistryStore } from '../../../registry/store/sqlite-store.ts';
import { start, testKeysDir } from './registry-harness.ts';
import { openRegistry } from '../../../registry/open-store.ts';
import type { RegistryStore } from '../../../registry/store/types.ts';
import { enrolTerminal } from '../../../core/sync/enrolment.ts';
import { RegistryClient } from '../../../core/sync/registry-client.ts';
import { RegistryError } from '../../../core/sync/registry-error.ts';
import { createEnrolmentCode } from '../../../registry/enrolment-codes.ts';
import { MemoryKv, makeRecords } from '../../../fixtures/sync/memory-outbox.ts';
import { realData } from '../../../fixtures/index.ts';
import { ErrorBodySchema, HealthResponseSchema, VersionResponseSchema } from '../../../core/registry-protocol/messages.ts';

async function withServer(store: RegistryStore, work: (url: string) => Promise<void>): Promise<void> {
  const registry = await start(store, { retryAfterSeconds: 9 });
  try {
    await work(registry.url);
  } finally {
    await registry.close();
  }
}

test('when the store fails mid-request the registry answers 503 UNAVAILABLE with Retry-After, and the client reports it', async () => {
  const store = new SqliteRegistryStore(':memory:');
  await withServer(store, async (url) => {
    const { code } = await createEnrolmentCode(store, new Date());
    const identity = await enrolTerminal(new MemoryKv(), url, code);
    store.withTerminalLock = async () => { throw new Error('database connection lost'); };
    const client = new RegistryClient(url, identity);
    await assert.rejects(client.pushBatch({ terminalNow: new Date().toISOString(), records: makeRecords(1) }),
      (e: unknown) => e instanceof RegistryError && e.status === 503 && e.code === 'UNAVAILABLE' && e.retryAfterMs === 9000 && e.failure === 'UNAVAILABLE');
    store.ping = async () => { throw new Error('down'); };
    const health = await fetch(`${url}/v1/health`);
    assert.equal(health.status, 503);
    assert.equal(health.headers.get('retry-after'), '9');
  });
  await store.close();
});

test('the unsigned answers match the protocol schemas: health, version and errors', async () => {
  const store = new SqliteRegistryStore(':memory:');
  await withServer(store, async (url) => {
    const json = async (path: string, init?: RequestInit) => (await fetch(`${url}${path}`, init)).json();
    assert.deepEqual(HealthResponseSchema.parse(await json('/v1/health')), { status: 'ok', store: 'sqlite' });
    assert.equal(VersionResponseSchema.parse(await json('/v1/version')).protocol, 1);
    assert.equal(ErrorBodySchema.parse(await json('/v1/nothing')).error.code, 'NOT_FOUND');
    assert.equal(ErrorBodySchema.parse(await json('/v1/records', { method: 'POST', body: '{}' })).error.code, 'SIGNATURE_MISSING');
    assert.equal(ErrorBodySchema.parse(await json('/v1/enrolments', { method: 'POST', body: '[]' })).error.code, 'BAD_REQUEST');
  });
  await store.close();
});

test('an oversized body is refused with PAYLOAD_TOO_LARGE before it is read in full', async () => {
  const store = new SqliteRegistryStore(':memory:');
  await withServer(store, async (url) => {
    const res = await fetch(`${url}/v1/enrolments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(17 * 1024 * 1024) });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
  });
  await store.close();
});

test('every route the server has is described in registry/openapi.yaml, and nothing more', async (t) => {
  const store = new SqliteRegistryStore(':memory:');
  const registry = await start(store);
  t.after(async () => {
    await registry.close();
    await store.close();
  });
  const { app } = registry;
  const yaml = readFileSync(fileURLToPath(new URL('../../../registry/openapi.yaml', import.meta.url)), 'utf8');
  const documented = new Set<string>();
  let path = '';
  for (const line of yaml.split('\n')) {
    const p = /^ {2}(\/v1\/[a-z-]+):$/.exec(line);
    if (p) path = p[1]!;
    const m = /^ {4}(get|post|put|delete):$/.exec(line);
    if (m && path) documented.add(`${m[1]!.toUpperCase()} ${path}`);
  }
  const served = new Set<string>();
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /(\/\S+) \(([A-Z, ]+)\)/.exec(line);
    // HEAD is Fastify's automatic twin of GET.
    if (m) for (const method of m[2]!.split(', ')) if (method !== 'HEAD') served.add(`${method} ${m[1]}`);
  }
  assert.ok(served.size >= 5);
  assert.deepEqual([...served].sort(), [...documented].sort());
});

test('hostile records are rejected one by one with a reason; the rest of the batch is stored', async () => {
  const store = new SqliteRegistryStore(':memory:');
  await withServer(store, async (url) => {
    const { code } = await createEnrolmentCode(store, new Date());
    const identity = await enrolTerminal(new MemoryKv(), url, code);
    const client = new RegistryClient(url, identity);
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { d: deep };
    const [good] = makeRecords(1);
    const records: unknown[] = [
      null, 5, 'text', [], { id: 'a'.repeat(300), seq: 1 }, { ...good!, id: 'neg', seq: -1 },
      { ...good!, id: 'deep', nested: deep }, { ...good!, id: 'big', blob: 'x'.repeat(70_000) }, good,
    ];
    const answer = await client.pushBatch({ terminalNow: new Date().toISOString(), records });
    assert.deepEqual(answer.results.map((r) => (r.status === 'rejected' ? r.reason : r.status)), [
      'INVALID_RECORD', 'INVALID_RECORD', 'INVALID_RECORD', 'INVALID_RECORD', 'INVALID_RECORD', 'INVALID_RECORD',
      'RECORD_NOT_CANONICAL', 'RECORD_TOO_LARGE', 'stored',
    ]);
    // Malformed batches as a whole: a clear 400, never a 5xx.
    for (const body of [{ terminalNow: 'yesterday', records: [good] }, { terminalNow: new Date().toISOString(), records: [] },
      { terminalNow: new Date().toISOString(), records: Array(1001).fill(good) }]) {
      await assert.rejects(client.pushBatch(body as never), (e: unknown) => e instanceof RegistryError && e.status === 400 && e.code === 'BAD_REQUEST');
    }
  });
  await store.close();
});

test('an enrolment code may be typed in lower case, without dashes, with O for 0 and I or L for 1', async () => {
  const store = new SqliteRegistryStore(':memory:');
  await withServer(store, async (url) => {
    let created = await createEnrolmentCode(store, new Date());
    while (!/[01]/.test(created.code)) created = await createEnrolmentCode(store, new Date());
    const typed = created.code.replace(/-/g, ' ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const identity = await enrolTerminal(new MemoryKv(), url, typed);
    assert.match(identity.terminalId, /^t-/);
  });
  await store.close();
});

test('a terminal with an ECDSA P-256 key enrols and pushes like an Ed25519 one', async () => {
  const store = new SqliteRegistryStore(':memory:');
  await withServer(store, async (url) => {
    const { code } = await createEnrolmentCode(store, new Date());
    const identity = await enrolTerminal(new MemoryKv(), url, code, { keyAlg: 'ecdsa-p256-sha256' });
    assert.equal(identity.keyAlg, 'ecdsa-p256-sha256');
    const answer = await new RegistryClient(url, identity).pushBatch({ terminalNow: new Date().toISOString(), records: makeRecords(3) });
    assert.deepEqual(answer.results.map((r) => r.status), ['stored', 'stored', 'stored']);
  });
  await store.close();
});

test('trust-publish takes certificates and master lists, and names a file it cannot read without publishing anything', async () => {
  const { publishTrustList } = await import('../../../registry/trust-publish.ts');
  const { isEidError } = await import('../../../core/errors.ts');
  const store = new SqliteRegistryStore(':memory:');
  const { keyStore: key } = await openRegistry({ dataDir: testKeysDir(), store });
  const real = (p: string) => ({ name: p.split('/').pop()!, bytes: realData(p) });
  const published = await publishTrustList(store, key, [real('csca/CSCA_Vietnam_CCCD_2021.pem'), real('master-lists/NL_ROOT_CA.cer')], new Date());
  assert.deepEqual([published.version, published.cscas, published.crls], [1, 2, 0]);
  await assert.rejects(publishTrustList(store, key, [real('csca/CSCA_Vietnam_CCCD_2021.pem'), { name: 'notes.txt', bytes: new TextEncoder().encode('hello') }], new Date()),
    (e: unknown) => isEidError(e, 'TRUST_FILE_UNREADABLE') && e.message.startsWith('notes.txt'));
  await assert.rejects(publishTrustList(store, key, [], new Date()), (e: unknown) => isEidError(e, 'TRUST_LIST_EMPTY'));
  assert.equal((await store.latestTrustList())?.version, 1);
  await store.close();
});
