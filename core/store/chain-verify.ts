/**
 * `records verify-chain`: walks every record in sequence order and reports an edited record (its
 * hash no longer matches), an inserted or deleted one (a broken link or a gap in the sequence),
 * a truncated tail (the chain head no longer matches) and tombstones purged before their time.
 */
import type Database from 'better-sqlite3';
import { equal } from '../bytes/bytes.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { GENESIS_HASH } from '../registry-protocol/record-chain.ts';
import { personalHash, recordHash, type ChainedColumns } from './chain.ts';
import { CHAIN_HEAD } from './record-writer.ts';

export type ChainProblemKind = 'EDITED' | 'BROKEN_LINK' | 'SEQUENCE_GAP' | 'PERSONAL_DATA_ALTERED' | 'EARLY_PURGE' | 'HEAD_MISMATCH';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  readonly seq: number | null;
  readonly id: string | null;
  readonly detail: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly records: number;
  readonly tombstones: number;
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
}

export function verifyChain(db: Database.Database): ChainReport {
  const problems: ChainProblem[] = [];
  let truncated = false;
  const report = (p: ChainProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else truncated = true;
  };
  let records = 0;
  let tombstones = 0;
  let expectedSeq = 0;
  let prevHash = fromHex(GENESIS_HASH);
  let last: { seq: number; hash: Uint8Array } | undefined;
  const rows = db.prepare(`SELECT seq, id, created_at, terminal_id, operator, purpose, document_type, issuing_state, verdict,
    details, csca_id, ds_id, retain_until, personal_hash, personal, purged_at, prev_hash, hash FROM records ORDER BY seq`).iterate() as Iterable<ChainRow>;
  for (const row of rows) {
    records++;
    const at = { seq: row.seq, id: row.id };
    if (row.seq !== expectedSeq) {
      report({ kind: 'SEQUENCE_GAP', ...at, detail: `expected sequence ${expectedSeq}: ${row.seq - expectedSeq} record(s) missing or renumbered` });
    }
    if (!equal(row.prev_hash, prevHash)) {
      report({ kind: 'BROKEN_LINK', ...at, detail: 'does not link to the record before it (inserted, deleted or reordered records)' });
    }
    if (!equal(recordHash(row.prev_hash, row), row.hash)) {
      report({ kind: 'EDITED', ...at, detail: 'stored hash does not match the record contents' });
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
    last = { seq: row.seq, hash: row.hash };
  }
  const head = (db.prepare('SELECT value FROM meta WHERE key = ?').get(CHAIN_HEAD) as { value: string } | undefined)?.value;
  const actual = last ? `${last.seq}:${toHex(last.hash).toLowerCase()}` : undefined;
  if (head !== actual) {
    report({ kind: 'HEAD_MISMATCH', seq: last?.seq ?? null, id: null, detail: `chain head records ${head ?? 'no record'}, the table ends at ${actual ?? 'no record'} (records removed from the end?)` });
  }
  return { ok: problems.length === 0 && !truncated, records, tombstones, problems, truncated };
}
