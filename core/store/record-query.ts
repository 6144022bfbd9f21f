/**
 * Queries for the UI and the CLI: recent records, search by ID number (keyed hash) or name words
 * (keyed tokens), date range and verdict, newest first with keyset paging.
 */
import type Database from 'better-sqlite3';
import { VerdictSchema } from '../api/verification.ts';
import type { FieldCipher } from './field-cipher.ts';
import { ID_TAIL_LENGTHS, normaliseIdNumber } from './field-cipher.ts';
import { decodeRecord, RECORD_COLUMNS, type RecordRow } from './record-row.ts';
import type { RecordPage, RecordQuery, StoredRecord } from './record-types.ts';
import { storeError } from './errors.ts';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;
const MAX_SEARCH_LENGTH = 200;
const TOKEN_COUNT_CAP = 5000;

/** 4 to 6 digits: the end of an ID number, as a clerk reads it off a masked list or a card. */
export function isIdTail(text: string): boolean {
  const digits = text.replace(/\s/g, '');
  return /^\d+$/.test(digits) && (ID_TAIL_LENGTHS as readonly number[]).includes(digits.length);
}

/** Text that looks like a document or ID number (letters and digits with at least one digit). */
export function looksLikeIdNumber(text: string): boolean {
  const n = normaliseIdNumber(text);
  return /^[A-Z0-9]{5,20}$/.test(n) && /\d/.test(n);
}

function isoBound(text: string, endOfDay: boolean, label: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (Number.isNaN(Date.parse(`${text}T00:00:00Z`))) throw storeError('QUERY_INVALID', label);
    return endOfDay ? `${text}T23:59:59.999Z` : `${text}T00:00:00.000Z`;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || text.length > 40) throw storeError('QUERY_INVALID', label);
  return new Date(ms).toISOString();
}

interface Sql {
  from: string;
  /** The column that orders results: t0.seq for name searches, so the token index gives the order without a sort. */
  seq: string;
  where: string[];
  params: unknown[];
}

export class RecordQueries {
  readonly #db: Database.Database;
  readonly #cipher: FieldCipher;
  readonly #byId: Database.Statement<[string], RecordRow>;
  readonly #tokenCount: Database.Statement<[Uint8Array, number], { n: number }>;

  constructor(db: Database.Database, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#byId = db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = ?`);
    this.#tokenCount = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM name_tokens WHERE token = ? LIMIT ?)');
  }

  get(id: string): StoredRecord {
    const row = this.#byId.get(id);
    if (!row) throw storeError('RECORD_NOT_FOUND');
    return decodeRecord(row, this.#cipher);
  }

  find(id: string): StoredRecord | undefined {
    const row = this.#byId.get(id);
    return row ? decodeRecord(row, this.#cipher) : undefined;
  }

  list(query: RecordQuery = {}): RecordPage {
    const limit = query.limit ?? DEFAULT_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw storeError('QUERY_INVALID', `limit 1..${MAX_PAGE}`);
    const offset = query.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw storeError('QUERY_INVALID', 'offset');
    const sql = this.#filter(query);
    if (query.beforeSeq !== undefined) {
      if (!Number.isInteger(query.beforeSeq)) throw storeError('QUERY_INVALID', 'beforeSeq');
      sql.where.push(`${sql.seq} < ?`);
      sql.params.push(query.beforeSeq);
    }
    const where = sql.where.length > 0 ? `WHERE ${sql.where.join(' AND ')}` : '';
    const cols = RECORD_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ');
    const rows = this.#db.prepare(`SELECT ${cols} FROM ${sql.from} ${where} ORDER BY ${sql.seq} DESC LIMIT ? OFFSET ?`)
      .all(...sql.params, limit + 1, offset) as RecordRow[];
    const page = rows.slice(0, limit);
    return {
      records: page.map((r) => decodeRecord(r, this.#cipher)),
      nextBeforeSeq: rows.length > limit ? page[page.length - 1]!.seq : null,
    };
  }

  /** Every record matching the query, oldest first, a page at a time (for export). */
  *iterate(query: Omit<RecordQuery, 'limit' | 'beforeSeq' | 'offset'> = {}): Generator<StoredRecord> {
    const cols = RECORD_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ');
    let after = -1;
    for (;;) {
      const sql = this.#filter(query);
      sql.where.push(`${sql.seq} > ?`);
      sql.params.push(after);
      const rows = this.#db.prepare(`SELECT ${cols} FROM ${sql.from} WHERE ${sql.where.join(' AND ')} ORDER BY ${sql.seq} ASC LIMIT ?`)
        .all(...sql.params, MAX_PAGE) as RecordRow[];
      for (const row of rows) yield decodeRecord(row, this.#cipher);
      if (rows.length < MAX_PAGE) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  count(query: RecordQuery = {}): number {
    const sql = this.#filter(query);
    const where = sql.where.length > 0 ? `WHERE ${sql.where.join(' AND ')}` : '';
    return (this.#db.prepare(`SELECT count(*) AS n FROM ${sql.from} ${where}`).get(...sql.params) as { n: number }).n;
  }

  /** Orders name tokens by how many records hold them, counting at most TOKEN_COUNT_CAP each. */
  #rarestFirst(tokens: Uint8Array[]): Uint8Array[] {
    if (tokens.length < 2) return tokens;
    const counted = tokens.map((t) => ({ t, n: this.#tokenCount.get(t, TOKEN_COUNT_CAP)!.n }));
    return counted.sort((a, b) => a.n - b.n).map((c) => c.t);
  }

  #filter(q: RecordQuery): Sql {
    const sql: Sql = { from: 'records r', seq: 'r.seq', where: [], params: [] };
    let idNumber = q.idNumber;
    let name = q.name;
    let tokens: Uint8Array[] | undefined;
    if (q.search !== undefined) {
      if (q.search.length > MAX_SEARCH_LENGTH) throw storeError('QUERY_INVALID', 'search text too long');
      if (isIdTail(q.search)) tokens = [this.#cipher.idTailToken(q.search)];
      else if (looksLikeIdNumber(q.search)) idNumber = q.search;
      else name = q.search;
    }
    if (idNumber !== undefined) {
      if (idNumber.length > MAX_SEARCH_LENGTH) throw storeError('QUERY_INVALID', 'ID number too long');
      sql.where.push('r.id_hash = ?');
      sql.params.push(this.#cipher.idHash(idNumber));
    }
    if (name !== undefined) {
      if (name.length > MAX_SEARCH_LENGTH) throw storeError('QUERY_INVALID', 'name too long');
      tokens = this.#cipher.nameTokens(name);
      if (tokens.length === 0) throw storeError('QUERY_INVALID', 'name has no letters');
    }
    if (tokens !== undefined) {
      // The rarest word drives the scan: its (token, seq) index walks seq downward so LIMIT
      // stops early; the other words are checked on the token index before a record row is read.
      const [driver, ...others] = this.#rarestFirst(tokens);
      sql.from = 'name_tokens t0 JOIN records r ON r.seq = t0.seq';
      sql.seq = 't0.seq';
      sql.where.push('t0.token = ?');
      sql.params.push(driver);
      for (const t of others) {
        sql.where.push('EXISTS (SELECT 1 FROM name_tokens tn WHERE tn.token = ? AND tn.seq = t0.seq)');
        sql.params.push(t);
      }
    }
    if (q.verdict !== undefined) {
      if (!VerdictSchema.safeParse(q.verdict).success) throw storeError('QUERY_INVALID', 'verdict');
      // With a date range, the unary + keeps SQLite on the created_at index (a day is a few
      // thousand rows) instead of walking every record of that verdict in seq order.
      sql.where.push(q.from !== undefined || q.to !== undefined ? '+r.verdict = ?' : 'r.verdict = ?');
      sql.params.push(q.verdict);
    }
    if (q.from !== undefined) {
      sql.where.push('r.created_at >= ?');
      sql.params.push(isoBound(q.from, false, 'from'));
    }
    if (q.to !== undefined) {
      sql.where.push('r.created_at <= ?');
      sql.params.push(isoBound(q.to, true, 'to'));
    }
    return sql;
  }
}
