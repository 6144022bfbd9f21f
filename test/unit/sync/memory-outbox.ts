/**
 * Test doubles for the store ports: an in-memory outbox with leases (as core/store implements
 * them) and a Map-backed key-value store, plus a chain of records built with record-chain.ts.
 */
import { GENESIS_HASH, chainHash } from '../../../core/registry-protocol/record-chain.ts';
import { randomUUID } from '../../../core/crypto/node-crypto.ts';
import type { KeyValuePort, OutboxEntry, OutboxPort } from '../../../core/sync/ports.ts';

interface Row extends OutboxEntry { acked: boolean; leasedUntil: number }

export class MemoryOutbox implements OutboxPort {
  private readonly rows: Row[] = [];
  readonly sentBatches: string[][] = [];

  constructor(private readonly now: () => number = Date.now) {}

  add(entry: OutboxEntry): void {
    this.rows.push({ ...entry, acked: false, leasedUntil: 0 });
  }

  pending(limit: number): OutboxEntry[] {
    const t = this.now();
    return this.rows.filter((r) => !r.acked && r.leasedUntil <= t).slice(0, limit)
      .map(({ id, seq, payload, createdAt }) => ({ id, seq, payload, createdAt }));
  }

  lease(ids: string[], untilMs: number): void {
    for (const r of this.find(ids)) r.leasedUntil = untilMs;
  }

  acknowledge(ids: string[]): void {
    for (const r of this.find(ids)) r.acked = true;
  }

  release(ids: string[]): void {
    for (const r of this.find(ids)) r.leasedUntil = 0;
  }

  pendingCount(): number {
    return this.rows.filter((r) => !r.acked).length;
  }

  acknowledgedIds(): string[] {
    return this.rows.filter((r) => r.acked).map((r) => r.id);
  }

  private find(ids: string[]): Row[] {
    const set = new Set(ids);
    return this.rows.filter((r) => set.has(r.id));
  }
}

export class MemoryKv implements KeyValuePort {
  readonly map = new Map<string, string>();
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  set(key: string, value: string): void {
    this.map.set(key, value);
  }
}

export interface ChainState { seq: number; prevHash: string }

/** Appends `n` chained records (as core/store would write them) and returns them. */
/** Record ids are unique across terminals (core/store uses UUIDv7), so the default prefix is random. */
export function makeRecords(n: number, state: ChainState = { seq: 0, prevHash: GENESIS_HASH }, prefix = `rec-${randomUUID().slice(0, 8)}`, baseTime = Date.now()): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const body: Record<string, unknown> = {
      id: `${prefix}-${state.seq}`,
      seq: state.seq,
      terminalTime: new Date(baseTime + state.seq).toISOString(),
      prevHash: state.prevHash,
      verdict: 'VERIFIED',
      documentType: 'ID',
    };
    const hash = chainHash(state.prevHash, body);
    out.push({ ...body, hash });
    state.prevHash = hash;
    state.seq++;
  }
  return out;
}

export function fillOutbox(outbox: MemoryOutbox, records: Record<string, unknown>[]): void {
  for (const r of records) {
    outbox.add({ id: String(r.id), seq: Number(r.seq), payload: JSON.stringify(r), createdAt: String(r.terminalTime) });
  }
}
