/** Database rows to store types, the same for SQLite (text times) and PostgreSQL (Date times). */
import type { ChainFlag } from '../../core/registry-protocol/messages.ts';
import type { ChainFlagRow, ChainHeadRow, StoredRecord, TerminalRow } from './types.ts';

export interface RecordDbRow {
  id: string; terminal_id: string; seq: number; terminal_time: string; received_at: string | Date;
  clock_skew_ms: number; prev_hash: string; hash: string; flags: string; payload: string; personal: Uint8Array | null;
  /** Present when the query joins face_matches. */
  face_match?: string | null;
}

export function recordFromRow(r: RecordDbRow): StoredRecord {
  return {
    id: r.id, terminalId: r.terminal_id, seq: Number(r.seq), terminalTime: r.terminal_time,
    receivedAt: iso(r.received_at),
    clockSkewMs: Number(r.clock_skew_ms), prevHash: r.prev_hash, hash: r.hash,
    flags: JSON.parse(r.flags) as ChainFlag[], payload: r.payload,
    personal: r.personal == null ? null : new Uint8Array(r.personal),
    faceMatch: r.face_match ?? null,
  };
}

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

/** The records query with each record's face match, for both dialects. */
export const RECORDS_WITH_FACE_MATCH = 'SELECT records.*, face_matches.payload AS face_match FROM records LEFT JOIN face_matches ON face_matches.record_id = records.id';

export function terminalFromRow(r: Record<string, unknown>): TerminalRow {
  return {
    id: String(r.id), name: (r.name as string | null) ?? null, publicKey: String(r.public_key),
    enrolledAt: iso(r.enrolled_at), revokedAt: r.revoked_at == null ? null : iso(r.revoked_at),
  };
}

export function flagFromRow(r: Record<string, unknown>): ChainFlagRow {
  return {
    terminalId: String(r.terminal_id), recordId: String(r.record_id), seq: Number(r.seq), kind: r.kind as ChainFlag,
    detail: String(r.detail), flaggedAt: iso(r.flagged_at), resolvedAt: r.resolved_at == null ? null : iso(r.resolved_at),
  };
}

export function headFromRow(r: Record<string, unknown>): ChainHeadRow {
  return {
    terminalId: String(r.terminal_id), seq: Number(r.seq), recordId: r.record_id == null ? null : String(r.record_id), hash: String(r.hash),
    auditSeq: Number(r.audit_seq), auditMac: String(r.audit_mac),
    faceMatchSeq: r.face_match_seq == null ? null : Number(r.face_match_seq), faceMatchMac: r.face_match_mac == null ? null : String(r.face_match_mac), terminalTime: String(r.terminal_time), receivedAt: iso(r.received_at),
    signature: String(r.signature),
  };
}
