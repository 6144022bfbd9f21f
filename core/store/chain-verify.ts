/**
 * `records verify-chain`: walks every record in sequence order and reports an edited record (its
 * hash no longer matches), an inserted or deleted one (a broken link or a gap in the sequence),
 * a chain rewritten with recomputed hashes (its keyed links no longer match: only the data key
 * makes them), a truncated tail (the chain head no longer matches) and tombstones purged before
 * their time; then walks the audit log for deleted events (a gap) and events edited or renumbered
 * (a keyed link that does not match).
 *
 * The last records cut off together with a head reset to match leave nothing a local check can
 * see; the signed head the terminal reports to the registry (registry-protocol/chain-head.ts) does.
 */
import type Database from 'better-sqlite3';
import { equal } from '../bytes/bytes.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { GENESIS_HASH } from '../registry-protocol/record-chain.ts';
import { auditLinkData, GENESIS_MAC, personalHash, recordHash, type ChainedColumns, type FaceMatchColumns } from './chain.ts';
import { FACE_MATCH_HEAD, faceMatchHead, linkFaceMatch, type FaceMatchLink } from './face-matches.ts';
import type { FieldCipher } from './field-cipher.ts';
import { CHAIN_HEAD } from './record-writer.ts';

export type ChainProblemKind = 'EDITED' | 'BROKEN_LINK' | 'SEQUENCE_GAP' | 'REHASHED' | 'PERSONAL_DATA_ALTERED' | 'EARLY_PURGE' | 'HEAD_MISMATCH'
  | 'AUDIT_GAP' | 'AUDIT_EDITED' | 'FACE_MATCH_GAP' | 'FACE_MATCH_EDITED' | 'FACE_MATCH_HEAD_MISMATCH';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  /** The record's sequence number, the audit event's for AUDIT_* problems, the face match's for FACE_MATCH_*. */
  readonly seq: number | null;
  readonly id: string | null;
  readonly detail: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly records: number;
  readonly tombstones: number;
  readonly auditEvents: number;
  readonly faceMatches: number;
  readonly problems: ChainProblem[];
  /** True when more problems existed than the report lists. */
  readonly truncated: boolean;
}

const MAX_PROBLEMS = 100;

interface ChainRow extends ChainedColumns {
  readonly personal: Uint8Array | null;
  readonly purged_at: string | null;
  readonly prev_hash: Uint8Array;
  readonly hash: Uint8Array;
  readonly mac: Uint8Array | null;
}

interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detail: string;
  readonly mac: Uint8Array | null;
}

type Report = (p: ChainProblem) => void;

function verifyRecords(db: Database.Database, cipher: FieldCipher, report: Report): { records: number; tombstones: number } {
  let records = 0;
  let tombstones = 0;
  let expectedSeq = 0;
  let prevHash = fromHex(GENESIS_HASH);
  let prevMac = GENESIS_MAC;
  let last: { seq: number; hash: Uint8Array } | undefined;
  const rows = db.prepare(`SELECT seq, id, created_at, terminal_id, operator, purpose, document_type, issuing_state, verdict,
    details, csca_id, ds_id, retain_until, personal_hash, personal, purged_at, prev_hash, hash, mac FROM records ORDER BY seq`).iterate() as Iterable<ChainRow>;
  for (const row of rows) {
    records++;
    const at = { seq: row.seq, id: row.id };
    if (row.seq !== expectedSeq) {
      report({ kind: 'SEQUENCE_GAP', ...at, detail: `expected sequence ${expectedSeq}: ${row.seq - expectedSeq} record(s) missing or renumbered` });
    }
    const linked = equal(row.prev_hash, prevHash);
    if (!linked) report({ kind: 'BROKEN_LINK', ...at, detail: 'does not link to the record before it (inserted, deleted or reordered records)' });
    const consistent = equal(recordHash(row.prev_hash, row), row.hash);
    if (!consistent) report({ kind: 'EDITED', ...at, detail: 'stored hash does not match the record contents' });
    const mac = cipher.recordMac(prevMac, row.hash);
    // Where the plain chain looks whole, only the keyed link can tell a chain recomputed by someone without the key.
    if (linked && consistent && (row.mac === null || !equal(row.mac, mac))) {
      report({ kind: 'REHASHED', ...at, detail: 'the hashes agree but the keyed link does not: records edited, inserted or removed and the chain recomputed without the data key' });
    }
    if (row.personal !== null && !equal(personalHash(row.personal), row.personal_hash)) {
      report({ kind: 'PERSONAL_DATA_ALTERED', ...at, detail: 'encrypted personal fields were replaced' });
    }
    if (row.purged_at !== null) {
      tombstones++;
      if (row.personal !== null) report({ kind: 'EDITED', ...at, detail: 'tombstone still holds personal data' });
      if (row.purged_at < row.retain_until) report({ kind: 'EARLY_PURGE', ...at, detail: `purged ${row.purged_at}, retention ran to ${row.retain_until}` });
    }
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
    prevMac = row.mac ?? mac;
    last = { seq: row.seq, hash: row.hash };
  }
  const head = (db.prepare('SELECT value FROM meta WHERE key = ?').get(CHAIN_HEAD) as { value: string } | undefined)?.value;
  const actual = last ? `${last.seq}:${toHex(last.hash).toLowerCase()}` : undefined;
  if (head !== actual) {
    report({ kind: 'HEAD_MISMATCH', seq: last?.seq ?? null, id: null, detail: `chain head records ${head ?? 'no record'}, the table ends at ${actual ?? 'no record'} (records removed from the end?)` });
  }
  return { records, tombstones };
}

function verifyAudit(db: Database.Database, cipher: FieldCipher, report: Report): number {
  let events = 0;
  let expectedSeq = 1;
  let prevMac = GENESIS_MAC;
  for (const e of db.prepare('SELECT seq, at, actor, action, detail, mac FROM audit_events ORDER BY seq').iterate() as Iterable<AuditRow>) {
    events++;
    if (e.seq !== expectedSeq) report({ kind: 'AUDIT_GAP', seq: e.seq, id: null, detail: `expected audit event ${expectedSeq}: ${e.seq - expectedSeq} event(s) deleted` });
    const mac = cipher.auditMac(prevMac, auditLinkData(e));
    if (e.mac === null || !equal(e.mac, mac)) {
      report({ kind: 'AUDIT_EDITED', seq: e.seq, id: null, detail: 'the keyed link does not match: the event, or one before it, was edited, deleted or renumbered' });
    }
    expectedSeq = e.seq + 1;
    prevMac = e.mac ?? mac;
  }
  return events;
}

interface FaceMatchRow extends FaceMatchColumns {
  readonly reason: Uint8Array | null;
  readonly hash: Uint8Array | null;
  readonly mac: Uint8Array | null;
}

/** Face matches in the order they were concluded: a gap is a deletion, a link that does not match an edit (hash recomputed or not). */
function verifyFaceMatches(db: Database.Database, cipher: FieldCipher, report: Report): number {
  let count = 0;
  let expectedSeq = 1;
  let last: FaceMatchLink | undefined;
  const rows = db.prepare('SELECT seq, record_id, created_at, operator, details, reason, reason_hash, hash, mac FROM face_matches ORDER BY seq').iterate() as Iterable<FaceMatchRow>;
  for (const row of rows) {
    count++;
    const at = { seq: row.seq, id: row.record_id };
    if (row.seq !== expectedSeq) report({ kind: 'FACE_MATCH_GAP', ...at, detail: `expected face match ${expectedSeq}: ${row.seq - expectedSeq} face match(es) deleted` });
    // Linked to the row before it as stored, so one deletion is one problem, not one per later row.
    const expected = linkFaceMatch(cipher, last && { hash: last.hash, mac: last.mac }, row);
    const wordsReplaced = row.reason !== null && !equal(personalHash(row.reason), row.reason_hash);
    if (wordsReplaced || row.hash === null || row.mac === null || !equal(row.hash, expected.hash) || !equal(row.mac, expected.mac)) {
      if (row.seq === expectedSeq) report({ kind: 'FACE_MATCH_EDITED', ...at, detail: 'the face match, its operator, time or the teller\'s words no longer match its keyed link' });
    }
    expectedSeq = row.seq + 1;
    last = { hash: row.hash ?? expected.hash, mac: row.mac ?? expected.mac };
  }
  const head = (db.prepare('SELECT value FROM meta WHERE key = ?').get(FACE_MATCH_HEAD) as { value: string } | undefined)?.value;
  const actual = last ? faceMatchHead(expectedSeq - 1, last.hash) : undefined;
  if (head !== actual) {
    report({ kind: 'FACE_MATCH_HEAD_MISMATCH', seq: last ? expectedSeq - 1 : null, id: null, detail: `the head records face match ${head ?? 'none'}, the table ends at ${actual ?? 'none'} (face matches removed from the end?)` });
  }
  return count;
}

export function verifyChain(db: Database.Database, cipher: FieldCipher): ChainReport {
  const problems: ChainProblem[] = [];
  let truncated = false;
  const report = (p: ChainProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else truncated = true;
  };
  const { records, tombstones } = verifyRecords(db, cipher, report);
  const auditEvents = verifyAudit(db, cipher, report);
  const faceMatches = verifyFaceMatches(db, cipher, report);
  return { ok: problems.length === 0 && !truncated, records, tombstones, auditEvents, faceMatches, problems, truncated };
}
