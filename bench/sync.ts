/**
 * Sync benchmark, all on 127.0.0.1. The registry runs in its own process (`eid-terminal registry
 * serve`, SQLite by default, PostgreSQL with SYNC_BENCH_POSTGRES_URL) so it does not share an
 * event loop with the simulated terminals.
 *
 * - load: SYNC_BENCH_TERMINALS (200) enrolled terminals push SYNC_BENCH_BATCHES (5) signed batches
 *   of SYNC_BENCH_BATCH_SIZE (50) records concurrently; records/s accepted and p50/p99 request
 *   latency. Baseline: one terminal alone, so the ratio shows what concurrency buys.
 * - catch-up: one terminal with SYNC_BENCH_CATCHUP (100,000) records queued in a file-backed
 *   outbox syncs them through the real worker; seconds to drain, and records/s.
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
import { openRegistryStore } from '../registry/open-store.ts';
import { MemoryKv, makeRecords } from '../test/unit/sync/memory-outbox.ts';
import { SqliteTestOutbox } from '../test/integration/registry/sqlite-outbox.ts';
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

async function enrolMany(dataDir: string, postgresUrl: string | undefined, url: string, n: number): Promise<RegistryClient[]> {
  const store = await openRegistryStore({ dataDir, postgresUrl });
  try {
    const clients: RegistryClient[] = [];
    for (let i = 0; i < n; i++) {
      const { code } = await createEnrolmentCode(store, new Date());
      const identity = await enrolTerminal(new MemoryKv(), url, code, { name: `bench ${i}` });
      clients.push(new RegistryClient(url, identity, { timeoutMs: 60_000 }));
    }
    return clients;
  } finally {
    await store.close();
  }
}

/** Each client pushes `batches` batches of `size` chained records, one after another. */
async function load(clients: RegistryClient[], batches: number, size: number): Promise<{ records: number; seconds: number; latencies: number[] }> {
  const chains = clients.map(() => makeRecords(batches * size));
  const latencies: number[] = [];
  let records = 0;
  const t0 = performance.now();
  await Promise.all(clients.map(async (client, c) => {
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

async function catchUp(dataDir: string, postgresUrl: string | undefined, url: string, n: number, workDir: string): Promise<{ seconds: number; acknowledged: number }> {
  const [client] = await enrolMany(dataDir, postgresUrl, url, 1);
  void client;
  const outbox = new SqliteTestOutbox(join(workDir, 'catchup-outbox.sqlite'));
  try {
    const store = await openRegistryStore({ dataDir, postgresUrl });
    const { code } = await createEnrolmentCode(store, new Date());
    await store.close();
    const identity = await enrolTerminal(outbox, url, code, { name: 'catch-up' });
    const chunk = 10_000;
    const state = { seq: 0, prevHash: '0'.repeat(64) };
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
    const clients = await enrolMany(dataDir, postgresUrl, url, terminals);
    const alone = await load(clients.slice(0, 1), batches, size);
    const many = await load(clients.slice(1).concat(clients.slice(0, 1)).slice(0, terminals), batches, size);
    // The first terminal's second run resends nothing new: give it fresh records by using the rest.
    const aloneRate = alone.records / alone.seconds;
    const rate = many.records / many.seconds;
    const p50 = percentile(many.latencies, 50);
    const p99 = percentile(many.latencies, 99);
    const cu = await catchUp(dataDir, postgresUrl, url, queued, workDir);
    return [
      { name: `load: ${terminals} terminals x ${batches} batches x ${size} records (${store}), accepted`, value: rate, unit: 'records/s', baseline: aloneRate, ratio: rate / aloneRate, note: `baseline: 1 terminal alone; ${many.records} stored` },
      { name: 'load: batch request latency p99', value: p99, unit: 'ms', baseline: p50, ratio: p99 / p50, note: 'baseline: p50' },
      { name: `catch-up: ${queued} queued records, time to drain (${store})`, value: cu.seconds, unit: 's', note: `${cu.acknowledged} acknowledged` },
      { name: 'catch-up: throughput', value: cu.acknowledged / cu.seconds, unit: 'records/s', baseline: aloneRate, ratio: cu.acknowledged / cu.seconds / aloneRate, note: 'baseline: load test, 1 terminal' },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(workDir, { recursive: true, force: true });
  }
}
