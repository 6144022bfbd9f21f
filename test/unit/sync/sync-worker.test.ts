import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncWorker } from '../../../core/sync/sync-worker.ts';
import { RegistryClient, type FetchLike } from '../../../core/sync/registry-client.ts';
import { RegistryError } from '../../../core/sync/registry-error.ts';
import type { TerminalIdentity } from '../../../core/sync/identity.ts';
import { ed25519Sign, generateEd25519KeyPair } from '../../../core/crypto/node-crypto.ts';
import { MemoryKv, MemoryOutbox, fillOutbox, makeRecords } from '../../../fixtures/sync/memory-outbox.ts';

const keys = generateEd25519KeyPair();
const identity: TerminalIdentity = {
  registryUrl: 'http://127.0.0.1:1', terminalId: 't-1', keyAlg: 'ed25519', privateKey: keys.privateKeyDer, registryKey: keys.spkiDer, registryKeyId: 'k',
};

type Handler = (url: string, body: { records: { id: string }[] } | undefined) => Promise<Response> | Response;

function json(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function storedAll(body: { records: { id: string }[] } | undefined): Response {
  return json(200, { receivedAt: new Date().toISOString(), clockSkewMs: 0, results: body!.records.map((r) => ({ id: r.id, status: 'stored', flags: [] })) });
}

function setup(handler: Handler, n = 10, extra: Partial<ConstructorParameters<typeof SyncWorker>[0]> = {}) {
  const outbox = new MemoryOutbox();
  fillOutbox(outbox, makeRecords(n));
  const fetch: FetchLike = async (url, init) => {
    const body = init.body ? JSON.parse(new TextDecoder().decode(init.body)) as { records: { id: string }[] } : undefined;
    return handler(url, body);
  };
  const client = new RegistryClient(identity.registryUrl, identity, { fetch, timeoutMs: 1000 });
  const worker = new SyncWorker({ outbox, kv: new MemoryKv(), client, registryKey: keys.spkiDer, batchSize: 4, leaseMs: 5000, ...extra });
  return { outbox, worker };
}

test('a batch in flight is leased: no other batch can take its records, and a second round is refused', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const { outbox, worker } = setup(async (url, body) => {
    if (url.endsWith('/v1/trust-list')) return json(404, { error: { code: 'NO_TRUST_LIST', message: '' } });
    await gate;
    return storedAll(body);
  });
  const round = worker.syncOnce();
  await new Promise((r) => setImmediate(r));
  const inFlight = ['0', '1', '2', '3'].map((s) => outbox.pending(100).some((e) => e.seq === Number(s)));
  assert.deepEqual(inFlight, [false, false, false, false], 'the first batch is out of pending while in flight');
  assert.equal(outbox.pending(100).length, 6);
  await assert.rejects(worker.syncOnce(), /already running/);
  release();
  const result = await round;
  assert.equal(result.acknowledged, 10);
  assert.equal(outbox.pendingCount(), 0);
});

test('only ids the registry acknowledged are marked; unanswered ones return to pending, rejected ones are parked', async () => {
  const { outbox, worker } = setup((url, body) => {
    if (url.endsWith('/v1/trust-list')) return new Response(null, { status: 304 });
    const ids = body!.records.map((r) => r.id);
    // The retry of the unanswered id goes unanswered again, so the round ends there.
    if (ids.length < 4) return json(200, { receivedAt: '', clockSkewMs: 0, results: [] });
    return json(200, { receivedAt: '', clockSkewMs: 0, results: [
      { id: ids[0], status: 'stored', flags: [] },
      { id: ids[1], status: 'duplicate' },
      { id: ids[2], status: 'rejected', reason: 'INVALID_RECORD' },
      { id: 'someone-else', status: 'stored', flags: [] },
      // ids[3] not answered at all
    ] });
  }, 4);
  const ids = outbox.pending(4).map((e) => e.id);
  const round = await worker.syncOnce();
  assert.equal(round.acknowledged, 2);
  assert.equal(round.rejected, 1);
  assert.deepEqual(outbox.acknowledgedIds(), [ids[0], ids[1]]);
  assert.deepEqual(outbox.pending(10).map((e) => e.id), [ids[3]], 'the unanswered id is pending again, the rejected one parked');
  assert.equal(worker.status().rejected, 1);
});

test('a failed batch is released at once and the status says offline with the error code', async () => {
  const { outbox, worker } = setup(() => { throw new TypeError('connect ECONNREFUSED'); });
  await assert.rejects(worker.syncOnce(), (e: unknown) => e instanceof RegistryError && e.failure === 'UNREACHABLE');
  assert.equal(outbox.pending(100).length, 10);
  const s = worker.status();
  assert.equal(s.connectivity, 'offline');
  assert.equal(s.pending, 10);
  assert.equal(s.lastError, 'REGISTRY_UNREACHABLE');
});

test('the loop waits with growing jittered back-off, at least Retry-After, and resets after a success', async () => {
  let calls = 0;
  const waits: number[] = [];
  const { worker } = setup((url, body) => {
    if (url.endsWith('/v1/trust-list')) return json(404, { error: { code: 'NO_TRUST_LIST', message: '' } });
    calls++;
    if (calls === 1) return json(503, { error: { code: 'UNAVAILABLE', message: '' } }, { 'retry-after': '7' });
    if (calls <= 4) return json(500, { error: { code: 'INTERNAL', message: '' } });
    return storedAll(body);
  }, 3, {
    backoff: { baseMs: 1000, capMs: 60_000, floorMs: 0, random: () => 0.5 },
    idleMs: 30_000,
    sleep: async (ms) => {
      waits.push(ms);
      if (waits.length >= 6) void worker.stop();
    },
  });
  worker.start();
  await new Promise<void>((resolve) => { const t = setInterval(() => { if (waits.length >= 6) { clearInterval(t); resolve(); } }, 1); });
  await worker.stop();
  // 503 + Retry-After 7 s, then 500s: 1000, 2000, 4000 ceilings halved by the jitter, then idle.
  assert.deepEqual(waits.slice(0, 5), [7000, 1000, 2000, 4000, 30_000]);
});

test('the registry key pinned at enrolment is the only one a trust list may be signed with', async () => {
  const { signJws } = await import('../../../core/registry-protocol/jws.ts');
  const other = generateEd25519KeyPair();
  const forged = signJws({ alg: 'EdDSA', typ: 'eid-trust-list+jws', kid: 'x' },
    new TextEncoder().encode(JSON.stringify({ format: 'eid-trust-list/1', version: 1, issuedAt: '', cscas: [], crls: [] })), (input) => ed25519Sign(other.privateKeyDer, input));
  const { worker } = setup((url, body) => url.endsWith('/v1/trust-list')
    ? new Response(forged, { status: 200, headers: { etag: '"f"' } }) : storedAll(body), 1);
  await assert.rejects(worker.syncOnce(true), (e: unknown) => e instanceof Error && (e as { code?: string }).code === 'TRUST_LIST_SIGNATURE_INVALID');
  assert.equal(worker.status().trustListVersion, null);
});

test('the status bar fields: idle before enrolment, then from the worker', async () => {
  const { idleSyncStatus, statusFields } = await import('../../../core/sync/status.ts');
  const { syncWorkerFor } = await import('../../../core/sync/sync-service.ts');
  const { saveIdentity } = await import('../../../core/sync/identity.ts');
  const outbox = new MemoryOutbox();
  fillOutbox(outbox, makeRecords(3));
  const kv = new MemoryKv();
  assert.equal(syncWorkerFor({ outbox, kv }), undefined);
  assert.deepEqual(statusFields(idleSyncStatus(outbox, kv)), { online: false, registryConfigured: false, pendingRecords: 3, trustListUpdatedAt: null });
  saveIdentity(kv, identity);
  const worker = syncWorkerFor({ outbox, kv }, { client: { fetch: async () => { throw new TypeError('offline'); } } })!;
  await assert.rejects(worker.syncOnce());
  assert.deepEqual(statusFields(worker.status()), { online: false, registryConfigured: true, pendingRecords: 3, trustListUpdatedAt: null });
});

test('a batch the registry finds too large (413) is split until it fits', async () => {
  const sizes: number[] = [];
  const { outbox, worker } = setup((url, body) => {
    if (url.endsWith('/v1/trust-list')) return new Response(null, { status: 304 });
    sizes.push(body!.records.length);
    if (body!.records.length > 2) return json(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: '' } });
    return storedAll(body);
  }, 6, { batchSize: 8 });
  const round = await worker.syncOnce();
  assert.equal(round.acknowledged, 6);
  assert.equal(outbox.pendingCount(), 0);
  assert.deepEqual(sizes.slice(0, 3), [6, 3, 1]);
});

test('face matches go after the records, to their own endpoint; one the registry refuses stays queued and counts as rejected', async () => {
  const calls: string[] = [];
  const faceMatches = new MemoryOutbox();
  faceMatches.add({ id: 'r-1', seq: 1, payload: JSON.stringify({ recordId: 'r-1' }), createdAt: new Date().toISOString() });
  faceMatches.add({ id: 'r-2', seq: 2, payload: JSON.stringify({ recordId: 'r-2' }), createdAt: new Date().toISOString() });
  const { outbox, worker } = setup((url, body) => {
    if (url.endsWith('/v1/trust-list')) return new Response(null, { status: 304 });
    calls.push(url.slice(url.indexOf('/v1/')));
    if (!url.endsWith('/v1/face-matches')) return storedAll(body);
    const results = [{ id: 'r-1', status: 'stored', flags: [] }, { id: 'r-2', status: 'rejected', reason: 'RECORD_UNKNOWN' }];
    return json(200, { receivedAt: new Date().toISOString(), clockSkewMs: 0, results });
  }, 3, { faceMatches });
  const round = await worker.syncOnce();
  assert.deepEqual(calls, ['/v1/records', '/v1/face-matches']);
  assert.deepEqual({ acknowledged: round.acknowledged, rejected: round.rejected }, { acknowledged: 4, rejected: 1 });
  assert.equal(outbox.pendingCount(), 0);
  assert.deepEqual(faceMatches.acknowledgedIds(), ['r-1']);
  assert.equal(faceMatches.pendingCount(), 1, 'kept for a later round');
  assert.equal(faceMatches.pending(10).length, 0, 'parked, not sent again at once');
  assert.deepEqual({ pending: worker.status().pending, rejected: worker.status().rejected }, { pending: 1, rejected: 1 });
});
