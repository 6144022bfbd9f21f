/**
 * The local hash chain over records: each record's hash commits to the previous record's hash and
 * to every stored column except the derived search indexes, linked by the one chain rule of
 * core/registry-protocol/record-chain.ts. The personal fields enter through their hash, so the
 * retention purge can drop them and leave a tombstone the chain still checks.
 *
 * Anyone who can write the file can recompute that chain. So each record also carries a keyed
 * link, an HMAC under a key derived from the data key (kept outside the database) over the
 * previous record's link and this record's hash; the audit log is chained the same way. Without
 * the key an edit with recomputed hashes, or a deletion with the rest renumbered, shows.
 */
import { hash } from '../crypto/node-crypto.ts';
import { utf8 } from '../bytes/bytes.ts';
import { toHex } from '../bytes/hex.ts';
import { canonicalJson, chainLink } from '../registry-protocol/record-chain.ts';

/** The keyed link before the first record, and before the first audit event. */
export const GENESIS_MAC: Uint8Array = new Uint8Array(32);

/** The chained columns of a `records` row, as stored. */
export interface ChainedColumns {
  readonly seq: number;
  readonly id: string;
  readonly created_at: string;
  readonly terminal_id: string;
  readonly operator: string;
  readonly purpose: string;
  readonly document_type: string | null;
  readonly issuing_state: string | null;
  readonly verdict: string;
  readonly details: string;
  readonly csca_id: string | null;
  readonly ds_id: string | null;
  readonly retain_until: string;
  readonly personal_hash: Uint8Array;
}

/** Hash of the sealed personal blob; a record without personal fields hashes the empty string. */
export function personalHash(sealed: Uint8Array | null): Uint8Array {
  return hash('sha256', sealed ?? new Uint8Array(0));
}

/** The link over the columns as an array in fixed order: unambiguous, with no object keys to sort. */
export function recordHash(prev: Uint8Array, c: ChainedColumns): Uint8Array {
  return chainLink(prev, [
    c.seq, c.id, c.created_at, c.terminal_id, c.operator, c.purpose, c.document_type, c.issuing_state,
    c.verdict, c.details, c.csca_id, c.ds_id, c.retain_until, toHex(c.personal_hash),
  ]);
}

/** What the audit log's keyed link covers: the event as stored, its detail as the stored JSON text. */
export function auditLinkData(e: { seq: number; at: string; actor: string; action: string; detail: string }): Uint8Array {
  return utf8(canonicalJson([e.seq, e.at, e.actor, e.action, e.detail]));
}

/**
 * The chained columns of a `face_matches` row, as stored. The teller's sealed words enter through
 * their hash, kept in its own column as a record's personal fields are, so the words can leave at
 * the record's purge while the link stays checkable.
 */
export interface FaceMatchColumns {
  readonly seq: number;
  readonly record_id: string;
  readonly created_at: string;
  readonly operator: string;
  readonly details: string;
  readonly reason_hash: Uint8Array;
}

/** A face match's link: face matches form their own chain, in the order they were concluded. */
export function faceMatchHash(prev: Uint8Array, c: FaceMatchColumns): Uint8Array {
  return chainLink(prev, [c.seq, c.record_id, c.created_at, c.operator, c.details, toHex(c.reason_hash)]);
}
