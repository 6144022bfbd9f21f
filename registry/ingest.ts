/**
 * Storing a batch of verification records, the same for every store: each id once (a repeat
 * with the same hash is `duplicate`, with another hash `rejected`), and the terminal's hash chain
 * re-checked record by record. Chain problems never make the registry drop evidence: the record
 * is stored and flagged (TAMPERED, GAP, FORK, CLOCK_SKEW, CLOCK_REGRESSION) for an administrator.
 */
import { GENESIS_HASH, canonicalJson, verifyChainLink } from '../core/registry-protocol/record-chain.ts';
import { MAX_RECORD_BYTES, SyncRecordSchema, type ChainFlag, type RecordResult, type SyncRecord } from '../core/registry-protocol/messages.ts';
import type { PersonalSeal } from './personal-seal.ts';
import type { ChainFlagRow, NewRecord, RegistryStore } from './store/types.ts';

export interface IngestOptions {
  /** |terminal clock - registry clock| above this flags the batch's records CLOCK_SKEW. */
  readonly maxClockSkewMs: number;
  /** Seals each record's personal fields before it is stored. */
  readonly personal: PersonalSeal;
}

interface Candidate {
  readonly index: number;
  readonly id: string;
  readonly record?: SyncRecord;
  readonly reason?: string;
  readonly raw?: Record<string, unknown>;
}

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 128) : '';
}

/**
 * One record on its own: whatever it holds, the answer is a verdict about this record, never an
 * error for the batch. The canonical form is checked first: it refuses hostile nesting within a
 * bounded depth, before anything recursive (JSON.stringify, the schema) walks the record.
 */
function screen(raw: unknown, index: number): Candidate {
  try {
    canonicalJson(raw);
  } catch {
    return { index, id: idOf(raw), reason: 'RECORD_NOT_CANONICAL' };
  }
  try {
    return screenCanonical(raw, index);
  } catch {
    return { index, id: idOf(raw), reason: 'INVALID_RECORD' };
  }
}

function screenCanonical(raw: unknown, index: number): Candidate {
  if (JSON.stringify(raw).length > MAX_RECORD_BYTES) return { index, id: idOf(raw), reason: 'RECORD_TOO_LARGE' };
  // core/store's payload names the terminal's clock `createdAt`; the protocol's name is terminalTime.
  const o = raw as Record<string, unknown> | null;
  const withTime = o && typeof o === 'object' && o.terminalTime === undefined && typeof o.createdAt === 'string'
    ? { ...o, terminalTime: o.createdAt } : raw;
  const parsed = SyncRecordSchema.safeParse(withTime);
  if (!parsed.success) return { index, id: idOf(raw), reason: 'INVALID_RECORD' };
  // The chain hash is checked over the record as sent (without the alias).
  return { index, id: parsed.data.id, record: parsed.data, raw: o ?? {} };
}

interface Neighbour {
  readonly id: string;
  readonly hash: string;
  readonly prevHash: string;
  readonly terminalTime: string;
}

type Found = { flag: ChainFlag; detail: string };

/** The chain checks against the records around r (stored before, or earlier in this batch). */
function chainFlags(bySeq: Map<number, Neighbour[]>, r: SyncRecord, tampered: boolean): Found[] {
  const out: Found[] = [];
  if (tampered) out.push({ flag: 'TAMPERED', detail: 'hash does not match the record content' });
  if (r.seq === 0) {
    if (r.prevHash !== GENESIS_HASH) out.push({ flag: 'FORK', detail: 'first record does not start from the genesis hash' });
  } else {
    const previous = bySeq.get(r.seq - 1) ?? [];
    if (previous.length === 0) out.push({ flag: 'GAP', detail: `record ${r.seq - 1} has not arrived` });
    else if (!previous.some((p) => p.hash === r.prevHash)) out.push({ flag: 'FORK', detail: `prevHash does not match record ${r.seq - 1}` });
    else if (previous.some((p) => Date.parse(p.terminalTime) > Date.parse(r.terminalTime))) {
      out.push({ flag: 'CLOCK_REGRESSION', detail: `terminal time earlier than record ${r.seq - 1}` });
    }
  }
  if ((bySeq.get(r.seq) ?? []).length > 0) out.push({ flag: 'FORK', detail: `another record already has sequence ${r.seq}` });
  return out;
}

/**
 * Stores a batch under the terminal's lock. The store is asked three questions per batch (which
 * ids exist, which neighbours exist, then one write of everything), not per record: a batch of
 * 500 costs the same round trips to PostgreSQL as a batch of one.
 */
export async function ingestBatch(store: RegistryStore, terminalId: string, rawRecords: readonly unknown[], terminalNow: string,
  receivedAt: Date, options: IngestOptions): Promise<{ clockSkewMs: number; results: RecordResult[] }> {
  const at = receivedAt.toISOString();
  const clockSkewMs = Date.parse(terminalNow) - receivedAt.getTime();
  const skewed = Math.abs(clockSkewMs) > options.maxClockSkewMs;
  const candidates = rawRecords.map(screen);
  // Hashing is the CPU-heavy part: done before taking the lock.
  const tampered = new Set(candidates.filter((c) => c.raw && !verifyChainLink(c.raw)).map((c) => c.index));
  // In sequence order, so a batch that carries a stretch of the chain links up within itself.
  const ordered = [...candidates].sort((a, b) => (a.record?.seq ?? -1) - (b.record?.seq ?? -1));
  const valid = ordered.filter((c) => c.record);
  const results = new Array<RecordResult>(candidates.length);
  await store.withTerminalLock(terminalId, async (tx) => {
    const known = new Map((await tx.findRecords(valid.map((c) => c.id))).map((r) => [r.id, r]));
    const seqs = new Set(valid.flatMap((c) => [c.record!.seq - 1, c.record!.seq, c.record!.seq + 1]));
    const bySeq = new Map<number, Neighbour[]>();
    const addNeighbour = (seq: number, n: Neighbour) => bySeq.set(seq, [...(bySeq.get(seq) ?? []), n]);
    for (const n of await tx.findBySeqs(terminalId, [...seqs].filter((x) => x >= 0))) addNeighbour(n.seq, n);
    const inserts: NewRecord[] = [];
    const flagRows: Omit<ChainFlagRow, 'resolvedAt'>[] = [];
    const closedGaps: string[] = [];
    for (const c of ordered) {
      if (!c.record || !c.raw) {
        results[c.index] = { id: c.id, status: 'rejected', reason: c.reason ?? 'INVALID_RECORD' };
        continue;
      }
      const r = c.record;
      const existing = known.get(r.id);
      if (existing) {
        const same = existing.terminalId === terminalId && existing.hash === r.hash;
        results[c.index] = same ? { id: r.id, status: 'duplicate' } : { id: r.id, status: 'rejected', reason: 'ID_CONFLICT' };
        continue;
      }
      const found = chainFlags(bySeq, r, tampered.has(c.index));
      if (skewed) found.push({ flag: 'CLOCK_SKEW', detail: `terminal clock off by ${Math.round(clockSkewMs / 1000)} s` });
      const flags = [...new Set(found.map((f) => f.flag))];
      inserts.push({
        id: r.id, terminalId, seq: r.seq, terminalTime: r.terminalTime, receivedAt: at, clockSkewMs,
        prevHash: r.prevHash, hash: r.hash, flags, ...options.personal.split(r.id, c.raw!),
      });
      for (const f of found) flagRows.push({ terminalId, recordId: r.id, seq: r.seq, kind: f.flag, detail: f.detail, flaggedAt: at });
      // A late predecessor closes its stored successor's GAP, or exposes a FORK there.
      for (const next of bySeq.get(r.seq + 1) ?? []) {
        if (next.prevHash === r.hash) closedGaps.push(next.id);
        else flagRows.push({ terminalId, recordId: next.id, seq: r.seq + 1, kind: 'FORK', detail: `prevHash does not match record ${r.seq}`, flaggedAt: at });
      }
      known.set(r.id, { id: r.id, terminalId, hash: r.hash });
      addNeighbour(r.seq, { id: r.id, hash: r.hash, prevHash: r.prevHash, terminalTime: r.terminalTime });
      results[c.index] = { id: r.id, status: 'stored', flags };
    }
    await tx.insertRecords(inserts);
    await tx.addFlags(flagRows);
    await tx.resolveFlags(closedGaps, 'GAP', at);
  });
  return { clockSkewMs, results };
}
