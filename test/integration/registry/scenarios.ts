/**
 * The registry's end-to-end guarantees, run once per store (SQLite and PostgreSQL): exactly-once
 * delivery through injected faults, restarts and a killed worker; replay and revocation refused;
 * chain gaps, forks and tampering flagged; the signed trust list pulled with ETag.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnrolmentCode } from '../../../registry/enrolment-codes.ts';
import { publishTrustList } from '../../../registry/trust-publish.ts';
import type { RunningRegistry } from '../../../registry/start.ts';
import type { RegistryStore } from '../../../registry/store/types.ts';
import { enrolTerminal } from '../../../core/sync/enrolment.ts';
import { RegistryClient } from '../../../core/sync/registry-client.ts';
import { RegistryError } from '../../../core/sync/registry-error.ts';
import { chainHash } from '../../../core/registry-protocol/record-chain.ts';
import { currentTrustList } from '../../../core/sync/trust-list.ts';
import { fillOutbox, makeRecords, MemoryKv } from '../../../fixtures/sync/memory-outbox.ts';
import { SqliteTestOutbox } from '../../../fixtures/sync/sqlite-outbox.ts';
import { realData } from '../../../fixtures/index.ts';
import { FaultProxy, replay } from './fault-proxy.ts';
import { enrolTestTerminal, start, tempDir } from './registry-harness.ts';
import { faceMatchScenarios } from './face-match-scenarios.ts';
import { chainHeadScenarios } from './chain-head-scenarios.ts';

export interface StoreFactory {
  /** A fresh, empty store. */
  open(): Promise<RegistryStore>;
  /** The same store again after close() (a registry restart). */
  reopen(): Promise<RegistryStore>;
  cleanup(): Promise<void>;
  /** Several API nodes may share this store (PostgreSQL; not two SQLite connections in one process). */
  readonly multiNode: boolean;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function storedIds(store: RegistryStore, terminalId: string): Promise<string[]> {
  return (await store.queryRecords({ terminalId, limit: 100_000 })).map((r) => r.id);
}

function assertExactlyOnce(ids: string[], expected: number): void {
  assert.equal(ids.length, expected, 'every record stored');
  assert.equal(new Set(ids).size, expected, 'no record stored twice');
}

export function registryScenarios(label: string, factory: () => Promise<StoreFactory>): void {
  let f: StoreFactory;
  let registry: RunningRegistry;

  test(`${label}: setup`, async () => {
    f = await factory();
    registry = await start(await f.open());
  });

  test(`${label}: records arrive once through dropped answers, 500 and 503 with Retry-After`, async (t) => {
    const proxy = new FaultProxy(registry.url);
    await proxy.start();
    t.after(() => proxy.stop());
    const term = await enrolTestTerminal(registry);
    fillOutbox(term.outbox, makeRecords(600));
    proxy.script.push({ kind: 'drop-response' }, { kind: 'status', status: 503, retryAfter: '1' }, { kind: 'pass' },
      { kind: 'status', status: 500 }, { kind: 'drop-request' }, { kind: 'drop-response' }, { kind: 'pass' }, { kind: 'drop-response' });
    const worker = term.worker(proxy.url, { batchSize: 100, idleMs: 20 });
    worker.start();
    await until(() => term.outbox.pendingCount() === 0, 20_000, 'outbox to drain');
    await worker.stop();
    assertExactlyOnce(await storedIds(registry.store, term.identity.terminalId), 600);
    assert.ok(proxy.forwarded > 6, 'some batches were delivered more than once');
    assert.deepEqual((await registry.store.listFlags(term.identity.terminalId)).map((x) => x.kind), []);
  });

  test(`${label}: the worker waits at least the registry's Retry-After`, async (t) => {
    const proxy = new FaultProxy(registry.url);
    await proxy.start();
    t.after(() => proxy.stop());
    const term = await enrolTestTerminal(registry);
    fillOutbox(term.outbox, makeRecords(10));
    proxy.script.push({ kind: 'status', status: 503, retryAfter: '1' });
    const worker = term.worker(proxy.url, { idleMs: 20 });
    const t0 = Date.now();
    worker.start();
    await until(() => term.outbox.pendingCount() === 0, 10_000, 'outbox to drain');
    const elapsed = Date.now() - t0;
    await worker.stop();
    assert.ok(elapsed >= 1000, `waited ${elapsed} ms, Retry-After was 1 s`);
    assertExactlyOnce(await storedIds(registry.store, term.identity.terminalId), 10);
  });

  test(`${label}: the registry stops and restarts; the terminal goes offline and catches up`, async (t) => {
    const proxy = new FaultProxy(registry.url);
    await proxy.start();
    t.after(() => proxy.stop());
    const term = await enrolTestTerminal(registry);
    fillOutbox(term.outbox, makeRecords(100));
    await registry.close();
    await registry.store.close();
    const worker = term.worker(proxy.url, { batchSize: 30, idleMs: 20 });
    worker.start();
    await until(() => worker.status().connectivity === 'offline', 10_000, 'offline state');
    assert.equal(worker.status().pending, 100);
    registry = await start(await f.reopen());
    proxy.retarget(registry.url);
    await until(() => term.outbox.pendingCount() === 0, 15_000, 'catch-up after restart');
    assert.equal(worker.status().connectivity, 'online');
    await worker.stop();
    assertExactlyOnce(await storedIds(registry.store, term.identity.terminalId), 100);
  });

  test(`${label}: a worker killed mid-batch loses and duplicates nothing`, async (t) => {
    const dir = tempDir('eid-kill-');
    t.after(() => dir.remove());
    const proxy = new FaultProxy(registry.url);
    await proxy.start();
    t.after(() => proxy.stop());
    const file = join(dir.path, 'outbox.sqlite');
    const outbox = new SqliteTestOutbox(file);
    const { code } = await createEnrolmentCode(registry.store, new Date());
    const identity = await enrolTerminal(outbox, registry.url, code);
    const records = makeRecords(500);
    outbox.add(records.map((r) => ({ id: String(r.id), seq: Number(r.seq), payload: JSON.stringify(r), createdAt: String(r.terminalTime) })));
    outbox.close();
    const script = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
    const run = () => spawn(process.execPath, ['--import', 'tsx', script, file, proxy.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    // First run: killed while its third batch is in flight (the registry still stores that batch).
    const first = run();
    let seen = 0;
    const killed = new Promise<void>((resolve) => first.on('exit', () => resolve()));
    await until(() => {
      seen = proxy.captured.filter((c) => c.method === 'POST').length;
      return seen >= 3;
    }, 15_000, 'three batches sent');
    first.kill('SIGKILL');
    await killed;
    // Second run: leases from the dead process expire, everything goes, duplicates are acknowledged.
    const second = run();
    const out: string[] = [];
    second.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
    await new Promise<void>((resolve) => second.on('exit', () => resolve()));
    assert.match(out.join(''), /done/);
    const reopened = new SqliteTestOutbox(file);
    assert.equal(reopened.pendingCount(), 0);
    reopened.close();
    assertExactlyOnce(await storedIds(registry.store, identity.terminalId), 500);
  });

  test(`${label}: two API nodes on one database store a batch sent to both at once exactly once`, async (t) => {
    if (!f.multiNode) return t.skip('one SQLite registry process per file');
    const second = await start(await f.reopen());
    t.after(async () => { await second.close(); await second.store.close(); });
    const term = await enrolTestTerminal(registry);
    const records = makeRecords(50);
    const batch = { terminalNow: new Date().toISOString(), records };
    const [a, b] = await Promise.all([term.client().pushBatch(batch), term.client(second.url).pushBatch(batch)]);
    for (let i = 0; i < records.length; i++) {
      assert.deepEqual([a.results[i]!.status, b.results[i]!.status].sort(), ['duplicate', 'stored']);
    }
    assertExactlyOnce(await storedIds(registry.store, term.identity.terminalId), 50);
  });

  test(`${label}: a captured request replayed is refused; a changed body is refused`, async (t) => {
    const proxy = new FaultProxy(registry.url);
    await proxy.start();
    t.after(() => proxy.stop());
    const term = await enrolTestTerminal(registry);
    await term.client(proxy.url).pushBatch({ terminalNow: new Date().toISOString(), records: makeRecords(3) });
    const captured = proxy.captured.at(-1)!;
    const again = await replay(registry.url, captured);
    assert.equal(again.status, 401);
    assert.equal((again.body as { error: { code: string } }).error.code, 'REPLAYED_REQUEST');
    // The nonce is checked from the headers, before the body is read: a replay with another body
    // is refused as a replay (a fresh signature over another body: test/security/registry-held.test.ts).
    const forged = await replay(registry.url, { ...captured, body: Buffer.from(captured.body.toString().replace('VERIFIED', 'FAILED')) });
    assert.equal(forged.status, 401);
    assert.equal((forged.body as { error: { code: string } }).error.code, 'REPLAYED_REQUEST');
    const unsigned = await fetch(`${registry.url}/v1/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(captured.body) });
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'SIGNATURE_MISSING');
  });

  test(`${label}: a terminal clock ten minutes off is corrected for signing and flagged on its records`, async () => {
    const term = await enrolTestTerminal(registry);
    const skewed = new RegistryClient(registry.url, term.identity, { now: () => Date.now() - 10 * 60_000 });
    const answer = await skewed.pushBatch({ terminalNow: new Date(Date.now() - 10 * 60_000).toISOString(), records: makeRecords(2) });
    assert.deepEqual(answer.results.map((r) => r.status), ['stored', 'stored']);
    assert.ok(answer.clockSkewMs < -9 * 60_000);
    const stored = await registry.store.queryRecords({ terminalId: term.identity.terminalId, limit: 10 });
    assert.ok(stored.every((r) => r.flags.includes('CLOCK_SKEW')));
    // The registry's receive time is what `records --since` filters on, not the terminal's clock.
    const since = new Date(Date.parse(stored[0]!.receivedAt) - 1000).toISOString();
    assert.equal((await registry.store.queryRecords({ terminalId: term.identity.terminalId, since, limit: 10 })).length, 2);
    assert.equal((await registry.store.queryRecords({ terminalId: term.identity.terminalId, since: new Date(Date.now() + 60_000).toISOString(), limit: 10 })).length, 0);
  });

  test(`${label}: gaps, forks and tampered records are stored and flagged; a late record closes its gap`, async () => {
    const term = await enrolTestTerminal(registry);
    const chain = makeRecords(10);
    const client = term.client();
    const push = (records: unknown[]) => client.pushBatch({ terminalNow: new Date().toISOString(), records });
    await push(chain.slice(0, 4));
    // seq 5 and 6 are missing: seq 7 arrives with a gap before it.
    await push(chain.slice(7, 8));
    // A tampered copy: content edited after hashing.
    const tampered = { ...chain[8]!, verdict: 'FAILED' };
    const fork: Record<string, unknown> = { ...chain[3]!, id: 'other-3', documentType: 'P' };
    const forkRecord = { ...fork, hash: chainHash(String(fork.prevHash), fork) };
    const answer = await push([tampered, forkRecord]);
    assert.deepEqual(answer.results.map((r) => r.status), ['stored', 'stored']);
    const flagsOf = (id: string) => (answer.results.find((r) => r.id === id) as { flags: string[] }).flags;
    assert.ok(flagsOf(String(chain[8]!.id)).includes('TAMPERED'));
    assert.ok(flagsOf('other-3').includes('FORK'));
    let flags = await registry.store.listFlags(term.identity.terminalId);
    const gap = flags.find((x) => x.kind === 'GAP' && x.seq === 7)!;
    assert.equal(gap.resolvedAt, null);
    // Record 6 arrives (5 still missing): 7's gap closes, 6 now has the open gap.
    await push(chain.slice(6, 7));
    flags = await registry.store.listFlags(term.identity.terminalId);
    assert.notEqual(flags.find((x) => x.kind === 'GAP' && x.seq === 7)!.resolvedAt, null);
    assert.equal(flags.find((x) => x.kind === 'GAP' && x.seq === 6)!.resolvedAt, null);
    // Same id, same content: duplicate; same id, other content: rejected.
    const again = await push([chain[0]!, { ...chain[1]!, hash: 'f'.repeat(64) }, { id: 'x' }]);
    assert.deepEqual(again.results.map((r) => r.status === 'rejected' ? r.reason : r.status), ['duplicate', 'ID_CONFLICT', 'INVALID_RECORD']);
  });

  test(`${label}: a revoked terminal is refused and keeps its records pending`, async () => {
    const term = await enrolTestTerminal(registry);
    assert.equal(await registry.store.revokeTerminal(term.identity.terminalId, new Date().toISOString()), true);
    fillOutbox(term.outbox, makeRecords(5));
    const worker = term.worker();
    await assert.rejects(worker.syncOnce(), (e: unknown) => e instanceof RegistryError && e.code === 'TERMINAL_REVOKED' && e.status === 403);
    assert.equal(worker.status().lastError, 'TERMINAL_REVOKED');
    assert.equal(term.outbox.pendingCount(), 5);
    assert.equal(term.outbox.pending(10).length, 5, 'released, not left leased');
  });

  test(`${label}: an enrolment code works once and not after it expires`, async () => {
    const { code } = await createEnrolmentCode(registry.store, new Date());
    const a = new MemoryKv();
    const b = new MemoryKv();
    await enrolTerminal(a, registry.url, code);
    await assert.rejects(enrolTerminal(b, registry.url, code), (e: unknown) => e instanceof RegistryError && e.code === 'ENROLMENT_CODE_INVALID');
    const expired = await createEnrolmentCode(registry.store, new Date(Date.now() - 2 * 86_400_000));
    await assert.rejects(enrolTerminal(b, registry.url, expired.code), (e: unknown) => e instanceof RegistryError && e.code === 'ENROLMENT_CODE_INVALID');
    await assert.rejects(enrolTerminal(b, registry.url, 'AAAA-BBBB-CCCC-DDDD'), (e: unknown) => e instanceof RegistryError && e.status === 403);
  });

  test(`${label}: the trust list is signed, pulled once, then answered 304 by ETag`, async () => {
    const term = await enrolTestTerminal(registry);
    const worker = term.worker();
    assert.equal((await worker.syncOnce(true)).trustList, 'none');
    const csca = realData('csca/CSCA_Vietnam_CCCD_2021.pem');
    const published = await publishTrustList(registry.store, registry.keyStore, [{ name: 'vn.pem', bytes: csca }], new Date());
    let received = 0;
    const w2 = term.worker(undefined, { onTrustList: (l) => { received = l.cscas.length; } });
    assert.equal((await w2.syncOnce(true)).trustList, 'updated');
    assert.equal(received, published.cscas);
    assert.equal(currentTrustList(term.kv)?.version, published.version);
    assert.equal((await w2.syncOnce(true)).trustList, 'unchanged');
    assert.equal(w2.status().trustListVersion, published.version);
  });

  test(`${label}: health and version answer; errors are JSON with stable codes`, async () => {
    const health = await fetch(`${registry.url}/v1/health`);
    assert.deepEqual(await health.json(), { status: 'ok', store: registry.store.kind });
    const version = (await (await fetch(`${registry.url}/v1/version`)).json()) as { protocol: number; registryKeyId: string };
    assert.equal(version.protocol, 1);
    assert.equal(version.registryKeyId, registry.key.keyId);
    const missing = await fetch(`${registry.url}/v1/nothing`);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    const bad = await fetch(`${registry.url}/v1/enrolments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'BAD_REQUEST');
  });

  faceMatchScenarios(label, () => registry);
  chainHeadScenarios(label, () => registry);

  test(`${label}: teardown`, async () => {
    await registry.close();
    await registry.store.close();
    await f.cleanup();
  });
}
