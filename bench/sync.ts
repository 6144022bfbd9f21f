/**
 * Sync benchmark, all on 127.0.0.1. The registry runs in its own process (`eid-terminal registry
 * serve`, SQLite by default, PostgreSQL with SYNC_BENCH_POSTGRES_URL) so it does not share an
 * event loop with the simulated terminals.
 *
 * - load: SYNC_BENCH_TERMINALS (200) enrolled terminals push SYNC_BENCH_BATCHES (5) signed batches
 *   of SYNC_BENCH_BATCH_SIZE (50) records concurrently; records/s accepted and p50/p99 request
 *   latency. Baseline: one terminal alone, so the ratio shows what concurrency buys.
 * - steady: the same terminals each send a batch of SYNC_BENCH_STEADY_BATCH (10) records every
 *   SYNC_BENCH_STEADY_INTERVAL_MS (2000) ms, starts spread over the interval, for
 *   SYNC_BENCH_STEADY_ROUNDS (5) rounds: latency below saturation, the figure a counter feels.
 * - catch-up: one terminal with SYNC_BENCH_CATCHUP (100,000) records queued in a file-backed
 *   outbox syncs them through the real worker; seconds to drain, and records/s.
 *
 * Last full run (2026-11-27, 2 vCPU shared with seven other engineers' builds, load average 9-12;
 * the registry and the 200 terminals on the same two cores):
 *
 *   | phase                                   | SQLite store            | PostgreSQL 15 store     |
 *   |-----------------------------------------|-------------------------|-------------------------|
 *   | load, 200 x 5 x 50 records, accepted    | 4,376 records/s         | 4,196 records/s         |
 *   | load p99 (saturated: all send at once)  | 10.6 s (p50 0.57 s)     | 3.1 s (p50 2.3 s)       |
 *   | steady, 1,000 records/s offered         | 999 records/s accepted  | 999 records/s accepted  |
 *   | steady p99 / p50                        | 176 ms / 17 ms          | 690 ms / 52 ms          |
 *   | catch-up of 100,000 queued records      | 13.7 s (7,277 records/s)| 20.0 s (4,992 records/s)|
 *
 * PostgreSQL numbers: start a server and set SYNC_BENCH_POSTGRES_URL (the integration tests'
 * test/integration/registry/postgres-server.ts starts a throw-away one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enrolTerminal } from '../core/sync/enrolment.ts';
import { RegistryClient } from '../core/sync/registry-client.ts';
import { SyncWorker } from '../core/sync/sync-worker.ts';
import { createEnrolmentCode } from '../registry/enrolment-codes.ts';
import { openRegistry } from '../registry/open-store.ts';
import { GENESIS_HASH } from '../core/registry-protocol/record-chain.ts';
import { MemoryKv, makeRecords, type ChainState } from '../fixtures/sync/memory-outbox.ts';
import { SqliteTestOutbox } from '../fixtures/sync/sqlite-outbox.ts';
import type { BenchRow } from './run.ts';

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

async function startRegistryProcess(dataDir: string, postgresUrl: string | undefined): Promise<{ url: string; child: ChildProcess }> {
  const bin = fileURLToPath(new URL('../bin/eid-terminal.js', import.meta.url));
  const args = [bin, 'registry', 'serve', '--port', '0', '--data-dir', dataDir, ...(postgresUrl ? ['--postgres', postgresUrl] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`registry exited with ${code}`)));
    setTimeout(() => reject(new Error('registry did not start in 30 s')), 30_000).unref();
  });
  return { url, child };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A simulated terminal: its client and its hash chain, continued across the phases. */
interface SimTerminal {
  readonly client: RegistryClient;
  readonly chain: ChainState;
  readonly prefix: string;
}

function nextRecords(t: SimTerminal, n: number): Record<string, unknown>[] {
  return makeRecords(n, t.chain, t.prefix);
}

async function enrolMany(dataDir: string, postgresUrl: string | undefined, url: string, n: number): Promise<SimTerminal[]> {
  const store = (await openRegistry({ dataDir, postgresUrl })).store;
  try {
    const clients: SimTerminal[] = [];
    for (let i = 0; i < n; i++) {
      const { code } = await createEnrolmentCode(store, new Date());
      const identity = await enrolTerminal(new MemoryKv(), url, code, { name: `bench ${i}` });
      clients.push({ client: new RegistryClient(url, identity, { timeoutMs: 60_000 }), chain: { seq: 0, prevHash: GENESIS_HASH }, prefix: `b${i}-${identity.terminalId}` });
    }
    return clients;
  } finally {
    await store.close();
  }
}

/** Each client pushes `batches` batches of `size` chained records, one after another. */
async function load(clients: SimTerminal[], batches: number, size: number): Promise<{ records: number; seconds: number; latencies: number[] }> {
  const chains = clients.map((t) => nextRecords(t, batches * size));
  const latencies: number[] = [];
  let records = 0;
  const t0 = performance.now();
  await Promise.all(clients.map(async ({ client }, c) => {
    for (let b = 0; b < batches; b++) {
      const slice = chains[c]!.slice(b * size, (b + 1) * size);
      const s = performance.now();
      const answer = await client.pushBatch({ terminalNow: new Date().toISOString(), records: slice });
      latencies.push(performance.now() - s);
      records += answer.results.filter((r) => r.status === 'stored').length;
    }
  }));
  return { records, seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

/** Open loop: every client sends `rounds` batches, one per interval, at a random phase. */
async function steady(clients: SimTerminal[], rounds: number, size: number, intervalMs: number): Promise<{ records: number; seconds: number; latencies: number[] }> {
  const chains = clients.map((t) => nextRecords(t, rounds * size));
  const latencies: number[] = [];
  let records = 0;
  const t0 = performance.now();
  await Promise.all(clients.map(async ({ client }, c) => {
    const phase = Math.random() * intervalMs;
    for (let b = 0; b < rounds; b++) {
      const due = t0 + phase + b * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const s = performance.now();
      const answer = await client.pushBatch({ terminalNow: new Date().toISOString(), records: chains[c]!.slice(b * size, (b + 1) * size) });
      latencies.push(performance.now() - s);
      records += answer.results.filter((r) => r.status === 'stored').length;
    }
  }));
  return { records, seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function catchUp(dataDir: string, postgresUrl: string | undefined, url: string, n: number, workDir: string): Promise<{ seconds: number; acknowledged: number }> {
  const outbox = new SqliteTestOutbox(join(workDir, 'catchup-outbox.sqlite'));
  try {
    const store = (await openRegistry({ dataDir, postgresUrl })).store;
    const { code } = await createEnrolmentCode(store, new Date());
    await store.close();
    const identity = await enrolTerminal(outbox, url, code, { name: 'catch-up' });
    const chunk = 10_000;
    const state = { seq: 0, prevHash: GENESIS_HASH };
    for (let done = 0; done < n; done += chunk) {
      const records = makeRecords(Math.min(chunk, n - done), state, 'catchup');
      outbox.add(records.map((r) => ({ id: String(r.id), seq: Number(r.seq), payload: JSON.stringify(r), createdAt: String(r.terminalTime) })));
    }
    const worker = new SyncWorker({
      outbox, kv: outbox, client: new RegistryClient(url, identity, { timeoutMs: 60_000 }), registryKey: identity.registryKey,
      batchSize: env('SYNC_BENCH_CATCHUP_BATCH', 500), trustListIntervalMs: Number.POSITIVE_INFINITY,
    });
    const t0 = performance.now();
    const round = await worker.syncOnce();
    const seconds = (performance.now() - t0) / 1000;
    if (outbox.pendingCount() !== 0) throw new Error(`${outbox.pendingCount()} records still pending after catch-up`);
    return { seconds, acknowledged: round.acknowledged };
  } finally {
    outbox.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const terminals = env('SYNC_BENCH_TERMINALS', 200);
  const batches = env('SYNC_BENCH_BATCHES', 5);
  const size = env('SYNC_BENCH_BATCH_SIZE', 50);
  const queued = env('SYNC_BENCH_CATCHUP', 100_000);
  const postgresUrl = process.env.SYNC_BENCH_POSTGRES_URL;
  const store = postgresUrl ? 'PostgreSQL' : 'SQLite';
  const workDir = mkdtempSync(join(tmpdir(), 'eid-bench-sync-'));
  const dataDir = join(workDir, 'registry-data');
  const { url, child } = await startRegistryProcess(dataDir, postgresUrl);
  try {
    // One extra terminal measures the baseline alone; its chain is not reused by the others.
    const enrolled = await enrolMany(dataDir, postgresUrl, url, terminals + 1);
    const clients = enrolled.slice(0, terminals);
    const alone = await load(enrolled.slice(terminals), batches, size);
    const many = await load(clients, batches, size);
    const aloneRate = alone.records / alone.seconds;
    const rate = many.records / many.seconds;
    const p50 = percentile(many.latencies, 50);
    const p99 = percentile(many.latencies, 99);
    const steadySize = env('SYNC_BENCH_STEADY_BATCH', 10);
    const intervalMs = env('SYNC_BENCH_STEADY_INTERVAL_MS', 2000);
    const calm = await steady(clients, env('SYNC_BENCH_STEADY_ROUNDS', 5), steadySize, intervalMs);
    const offered = (terminals * steadySize * 1000) / intervalMs;
    const cu = await catchUp(dataDir, postgresUrl, url, queued, workDir);
    // Every phase continued each terminal's chain, so the registry must have flagged nothing.
    const check = (await openRegistry({ dataDir, postgresUrl })).store;
    const flags = (await check.listFlags()).length;
    await check.close();
    if (flags !== 0) throw new Error(`${flags} chain flags raised during the benchmark`);
    return [
      { name: `load: ${terminals} terminals x ${batches} batches x ${size} records (${store}), accepted`, value: rate, unit: 'records/s', baseline: aloneRate, ratio: rate / aloneRate, note: `baseline: 1 terminal alone; ${many.records} stored` },
      { name: 'load: batch request latency p99 (saturated: all send at once)', value: p99, unit: 'ms', baseline: p50, ratio: p99 / p50, note: 'baseline: p50' },
      { name: `steady: ${terminals} terminals, ${steadySize} records every ${intervalMs} ms, accepted`, value: calm.records / calm.seconds, unit: 'records/s', baseline: offered, ratio: calm.records / calm.seconds / offered, note: 'baseline: offered rate' },
      { name: 'steady: batch request latency p99', value: percentile(calm.latencies, 99), unit: 'ms', baseline: percentile(calm.latencies, 50), ratio: percentile(calm.latencies, 99) / percentile(calm.latencies, 50), note: 'baseline: p50' },
      { name: `catch-up: ${queued} queued records, time to drain (${store})`, value: cu.seconds, unit: 's', note: `${cu.acknowledged} acknowledged` },
      { name: 'catch-up: throughput', value: cu.acknowledged / cu.seconds, unit: 'records/s', baseline: aloneRate, ratio: cu.acknowledged / cu.seconds / aloneRate, note: 'baseline: load test, 1 terminal' },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(workDir, { recursive: true, force: true });
  }
}
