/**
 * Storing a batch of face matches, the same for every store. A face match concludes a record the
 * registry already holds from the same terminal (else RECORD_UNKNOWN: the terminal keeps it and
 * sends it again once the record has arrived), names that record's local hash (the record
 * payload's `recordHash`), and hashes to its own content; each record has at most one: the same
 * one again is `duplicate`, a different one FACE_MATCH_CONFLICT. Refused ones are not stored.
 */
import { canonicalJson, verifyChainLink } from '../core/registry-protocol/record-chain.ts';
import { SyncFaceMatchSchema, type FaceMatchRejection, type RecordResult, type SyncFaceMatch } from '../core/registry-protocol/messages.ts';
import type { FaceMatchRow, FaceMatchTarget, RegistryStore } from './store/types.ts';

type Screened = { id: string; faceMatch: SyncFaceMatch; raw: Record<string, unknown> } | { id: string; reason: FaceMatchRejection };

function screen(raw: unknown): Screened {
  const rawId = (raw as { recordId?: unknown } | null)?.recordId;
  const id = typeof rawId === 'string' ? rawId.slice(0, 128) : '';
  try {
    canonicalJson(raw); // bounded depth before anything recursive walks it
    const parsed = SyncFaceMatchSchema.safeParse(raw);
    if (!parsed.success) return { id, reason: 'INVALID_FACE_MATCH' };
    const o = raw as Record<string, unknown>;
    return verifyChainLink(o) ? { id, faceMatch: parsed.data, raw: o } : { id, reason: 'TAMPERED' };
  } catch {
    return { id, reason: 'INVALID_FACE_MATCH' };
  }
}

function recordHashOf(target: FaceMatchTarget): unknown {
  try {
    return (JSON.parse(target.payload) as { recordHash?: unknown }).recordHash;
  } catch {
    return undefined;
  }
}

export async function ingestFaceMatches(store: RegistryStore, terminalId: string, raws: readonly unknown[], receivedAt: Date): Promise<RecordResult[]> {
  const screened = raws.map(screen);
  return store.withTerminalLock(terminalId, async (tx) => {
    const ids = screened.flatMap((s) => ('faceMatch' in s ? [s.id] : []));
    const targets = new Map((await tx.faceMatchTargets(ids)).map((t) => [t.id, t]));
    const inserts: FaceMatchRow[] = [];
    const results = screened.map((s): RecordResult => {
      if (!('faceMatch' in s)) return { id: s.id, status: 'rejected', reason: s.reason };
      const refuse = (reason: FaceMatchRejection): RecordResult => ({ id: s.id, status: 'rejected', reason });
      const target = targets.get(s.id);
      if (!target || target.terminalId !== terminalId) return refuse('RECORD_UNKNOWN');
      if (recordHashOf(target) !== s.faceMatch.prevHash) return refuse('RECORD_HASH_MISMATCH');
      if (target.faceMatchHash !== null) return target.faceMatchHash === s.faceMatch.hash ? { id: s.id, status: 'duplicate' } : refuse('FACE_MATCH_CONFLICT');
      inserts.push({ recordId: s.id, terminalId, receivedAt: receivedAt.toISOString(), hash: s.faceMatch.hash, payload: JSON.stringify(s.raw) });
      // A second one for the same record later in this batch meets this one.
      targets.set(s.id, { ...target, faceMatchHash: s.faceMatch.hash });
      return { id: s.id, status: 'stored', flags: [] };
    });
    await tx.insertFaceMatches(inserts);
    return results;
  });
}
