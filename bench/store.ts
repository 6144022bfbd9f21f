/**
 * Records store benchmark: BENCH_RECORDS records (default 1,000,000) bulk-loaded with batched
 * writes, then single durable writes on the full database, then searches. Reports write
 * throughput single vs batched (ratio), p99 single-write latency, search latency by ID number
 * (keyed hash) and by name (keyed tokens), and database bytes per record. Rates are hardware-
 * dependent; compare the ratios.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationResult } from '../core/api/verification.ts';
import { openStore, type Store } from '../core/store/store.ts';
import type { RecordInput } from '../core/store/record-types.ts';
import { vnResult } from '../fixtures/verification-results.ts';
import type { BenchRow } from './run.ts';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Hoài', 'Gia'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long',
  'Mai', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Trung', 'Tuấn', 'Vân', 'Việt', 'Yến'];

/** Deterministic pseudo-random person number i (xorshift, so runs are comparable). */
function person(i: number): { idNumber: string; fullName: string } {
  let x = (i + 1) * 2654435761 >>> 0;
  const next = (): number => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const fullName = `${SURNAMES[next() % SURNAMES.length]} ${MIDDLE[next() % MIDDLE.length]} ${GIVEN[next() % GIVEN.length]}`;
  return { idNumber: `0${String(next() % 96 + 1).padStart(2, '0')}${String(i).padStart(9, '0')}`, fullName };
}

function result(i: number): VerificationResult {
  const verdict = i % 50 === 0 ? 'FAILED' : i % 10 === 0 ? 'NOT_VERIFIED' : 'VERIFIED';
  return vnResult({ ...person(i), mrzName: ['BENCH', 'PERSON'] }, verdict);
}

const START_MS = Date.parse('2025-01-01T00:00:00Z');

function input(i: number): RecordInput {
  // One verification a minute or so, so date ranges mean something.
  return { result: result(i), context: { operator: 'bench', createdAt: new Date(START_MS + i * 37_000), protocol: { accessControl: 'BAC' } } };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs fn over the queries and returns sorted latencies in milliseconds. */
function timeEach<T>(items: T[], fn: (t: T) => void): number[] {
  const out: number[] = [];
  for (const it of items) {
    const t0 = process.hrtime.bigint();
    fn(it);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

/** Bytes per table and index (SQLite's dbstat), so the outbox's share shows apart from the records'. */
function bytesByObject(path: string): Map<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    return new Map(rows.map((r) => [r.name, r.bytes]));
  } finally {
    db.close();
  }
}

function fileBytes(store: Store): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(store.path + suffix)) total += statSync(store.path + suffix).size;
  return total;
}

export async function run(): Promise<BenchRow[]> {
  const total = Math.max(2000, Number(process.env.BENCH_RECORDS ?? 1_000_000));
  const batch = 1000;
  const singles = 1000;
  const dir = mkdtempSync(join(tmpdir(), 'eid-bench-store-'));
  const store = openStore({ dataDir: dir });
  try {
    // Bulk load in batches (one transaction, one fsync per batch).
    const bulk = total - singles;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < bulk; i += batch) {
      const n = Math.min(batch, bulk - i);
      store.writeMany(Array.from({ length: n }, (_, k) => input(i + k)));
    }
    const batchedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const batchedRate = bulk / batchedSeconds;

    // Single durable writes on the loaded database: what a counter does.
    const singleLat = timeEach(Array.from({ length: singles }, (_, k) => bulk + k), (i) => void store.write(input(i)));
    const singleRate = singles / (singleLat.reduce((a, b) => a + b, 0) / 1000);

    const probes = Array.from({ length: 200 }, (_, k) => Math.floor((k * 7919 * 104729) % total));
    const byId = timeEach(probes, (i) => {
      if (store.records.list({ idNumber: person(i).idNumber, limit: 20 }).records.length === 0) throw new Error(`id ${i} not found`);
    });
    const byName = timeEach(probes, (i) => {
      if (store.records.list({ name: person(i).fullName, limit: 20 }).records.length === 0) throw new Error(`name ${i} not found`);
    });
    const rareWord = timeEach(probes.slice(0, 50), () => void store.records.list({ name: 'Khánh Hoài Lý', limit: 20 }));
    const recent = timeEach(probes.slice(0, 50), () => void store.records.list({ limit: 50 }));
    const dayRange = timeEach(probes.slice(0, 50), (i) => {
      const day = new Date(START_MS + i * 37_000).toISOString().slice(0, 10);
      store.records.list({ from: day, to: day, verdict: 'FAILED', limit: 50 });
    });
    const bytes = fileBytes(store);
    const count = store.records.count();
    const objects = bytesByObject(store.path);
    const outboxBytes = [...objects].filter(([name]) => name.startsWith('outbox') || name.startsWith('sqlite_autoindex_outbox')).reduce((a, [, b]) => a + b, 0);
    const tokenBytes = [...objects].filter(([name]) => name.startsWith('name_tokens')).reduce((a, [, b]) => a + b, 0);
    const note = `${count} records`;
    return [
      { name: 'store: single durable writes (records/s, on full db)', value: singleRate, unit: 'rec/s', note },
      { name: 'store: batched writes, 1000 per transaction', value: batchedRate, unit: 'rec/s', baseline: singleRate, ratio: batchedRate / singleRate },
      { name: 'store: single write latency p50', value: percentile(singleLat, 50), unit: 'ms' },
      { name: 'store: single write latency p99', value: percentile(singleLat, 99), unit: 'ms' },
      { name: 'store: search by ID number (keyed hash) p50', value: percentile(byId, 50), unit: 'ms', note },
      { name: 'store: search by ID number (keyed hash) p99', value: percentile(byId, 99), unit: 'ms' },
      { name: 'store: search by full name (keyed tokens) p50', value: percentile(byName, 50), unit: 'ms' },
      { name: 'store: search by full name (keyed tokens) p99', value: percentile(byName, 99), unit: 'ms', baseline: percentile(byId, 99), ratio: percentile(byName, 99) / percentile(byId, 99) },
      { name: 'store: search by name with no match p99', value: percentile(rareWord, 99), unit: 'ms' },
      { name: 'store: recent page of 50 p99', value: percentile(recent, 99), unit: 'ms' },
      { name: 'store: one day + verdict filter p99', value: percentile(dayRange, 99), unit: 'ms' },
      { name: 'store: database size per record (all still in outbox)', value: bytes / count, unit: 'bytes' },
      { name: 'store: of which outbox payload (freed when synced)', value: outboxBytes / count, unit: 'bytes' },
      { name: 'store: of which name-search tokens', value: tokenBytes / count, unit: 'bytes' },
    ];
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
