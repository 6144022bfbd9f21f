/**
 * Storing a batch of verification records, the same for every store: each id once (a repeat
 * with the same hash is `duplicate`, with another hash `rejected`), and the terminal's hash chain
 * re-checked record by record. Chain problems never make the registry drop evidence: the record
 * is stored and flagged (TAMPERED, GAP, FORK, CLOCK_SKEW, CLOCK_REGRESSION) for an administrator.
 */
import { GENESIS_HASH, canonicalJson, verifyChainLink } from '../core/sync/record-chain.ts';
import { MAX_RECORD_BYTES, SyncRecordSchema, type ChainFlag, type RecordResult, type SyncRecord } from '../core/sync/protocol.ts';
import type { ChainTx, RegistryStore } from './store/types.ts';

export interface IngestOptions {
  /** |terminal clock - registry clock| above this flags the batch's records CLOCK_SKEW. */
  readonly maxClockSkewMs: number;
}

interface Candidate {
  readonly index: number;
  readonly id: string;
  readonly record?: SyncRecord;
  readonly payload?: string;
  readonly reason?: string;
  readonly raw?: Record<string, unknown>;
}

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 128) : '';
}

function screen(raw: unknown, index: number): Candidate {
  const payload = JSON.stringify(raw);
  if (payload.length > MAX_RECORD_BYTES) return { index, id: idOf(raw), reason: 'RECORD_TOO_LARGE' };
  // core/store's payload names the terminal's clock `createdAt`; the protocol's name is terminalTime.
  const o = raw as Record<string, unknown> | null;
  const withTime = o && typeof o === 'object' && o.terminalTime === undefined && typeof o.createdAt === 'string'
    ? { ...o, terminalTime: o.createdAt } : raw;
  const parsed = SyncRecordSchema.safeParse(withTime);
  if (!parsed.success) return { index, id: idOf(raw), reason: 'INVALID_RECORD' };
  // A record the chain cannot hash (nested too deeply, say) is refused here, not mid-transaction.
  try {
    canonicalJson(raw);
  } catch {
    return { index, id: parsed.data.id, reason: 'RECORD_NOT_CANONICAL' };
  }
  // The chain hash is checked over the record as sent (without the alias).
  return { index, id: parsed.data.id, record: parsed.data, payload, raw: o ?? {} };
}

async function chainFlags(tx: ChainTx, terminalId: string, r: SyncRecord, sent: Record<string, unknown>): Promise<{ flag: ChainFlag; detail: string }[]> {
  const out: { flag: ChainFlag; detail: string }[] = [];
  if (!verifyChainLink(sent)) out.push({ flag: 'TAMPERED', detail: 'hash does not match the record content' });
  if (r.seq === 0) {
    if (r.prevHash !== GENESIS_HASH) out.push({ flag: 'FORK', detail: 'first record does not start from the genesis hash' });
  } else {
    const previous = await tx.findBySeq(terminalId, r.seq - 1);
    if (previous.length === 0) out.push({ flag: 'GAP', detail: `record ${r.seq - 1} has not arrived` });
    else if (!previous.some((p) => p.hash === r.prevHash)) out.push({ flag: 'FORK', detail: `prevHash does not match record ${r.seq - 1}` });
    else if (previous.some((p) => Date.parse(p.terminalTime) > Date.parse(r.terminalTime))) {
      out.push({ flag: 'CLOCK_REGRESSION', detail: `terminal time earlier than record ${r.seq - 1}` });
    }
  }
  const sameSeq = await tx.findBySeq(terminalId, r.seq);
  if (sameSeq.length > 0) out.push({ flag: 'FORK', detail: `another record already has sequence ${r.seq}` });
  return out;
}

/** A late predecessor closes its successor's GAP, or exposes a FORK there. */
async function linkSuccessor(tx: ChainTx, terminalId: string, r: SyncRecord, at: string): Promise<void> {
  for (const next of await tx.findBySeq(terminalId, r.seq + 1)) {
    if (next.prevHash === r.hash) await tx.resolveFlags(next.id, 'GAP', at);
    else await tx.addFlag({ terminalId, recordId: next.id, seq: r.seq + 1, kind: 'FORK', detail: `prevHash does not match record ${r.seq}`, flaggedAt: at });
  }
}

export async function ingestBatch(store: RegistryStore, terminalId: string, rawRecords: readonly unknown[], terminalNow: string,
  receivedAt: Date, options: IngestOptions): Promise<{ clockSkewMs: number; results: RecordResult[] }> {
  const at = receivedAt.toISOString();
  const clockSkewMs = Date.parse(terminalNow) - receivedAt.getTime();
  const skewed = Math.abs(clockSkewMs) > options.maxClockSkewMs;
  const candidates = rawRecords.map(screen);
  // In sequence order, so a batch that carries a stretch of the chain links up within itself.
  const ordered = [...candidates].sort((a, b) => (a.record?.seq ?? -1) - (b.record?.seq ?? -1));
  const results = new Array<RecordResult>(candidates.length);
  await store.withTerminalLock(terminalId, async (tx) => {
    const seenInBatch = new Set<string>();
    for (const c of ordered) {
      if (!c.record || !c.payload) {
        results[c.index] = { id: c.id, status: 'rejected', reason: c.reason ?? 'INVALID_RECORD' };
        continue;
      }
      const r = c.record;
      const existing = await tx.findRecord(r.id);
      if (existing || seenInBatch.has(r.id)) {
        const same = existing ? existing.terminalId === terminalId && existing.hash === r.hash : true;
        results[c.index] = same ? { id: r.id, status: 'duplicate' } : { id: r.id, status: 'rejected', reason: 'ID_CONFLICT' };
        continue;
      }
      seenInBatch.add(r.id);
      const found = await chainFlags(tx, terminalId, r, c.raw ?? r);
      if (skewed) found.push({ flag: 'CLOCK_SKEW', detail: `terminal clock off by ${Math.round(clockSkewMs / 1000)} s` });
      const flags = [...new Set(found.map((f) => f.flag))];
      await tx.insertRecord({
        id: r.id, terminalId, seq: r.seq, terminalTime: r.terminalTime, receivedAt: at, clockSkewMs,
        prevHash: r.prevHash, hash: r.hash, flags, payload: c.payload,
      });
      for (const f of found) await tx.addFlag({ terminalId, recordId: r.id, seq: r.seq, kind: f.flag, detail: f.detail, flaggedAt: at });
      await linkSuccessor(tx, terminalId, r, at);
      results[c.index] = { id: r.id, status: 'stored', flags };
    }
  });
  return { clockSkewMs, results };
}
