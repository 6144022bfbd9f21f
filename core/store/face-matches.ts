/**
 * The face match of a record (schema 10): what the counter's check decided and what the teller
 * concluded, once per record, never a picture or a descriptor. The teller's reason is their own
 * words, which may name the customer, so it is sealed like the record's personal fields.
 *
 * Face matches are chained among themselves (schema 11) as records are: a hash over the row as
 * stored, a keyed link under a key derived from the data key, and the head in meta, so one
 * edited, deleted or cut off the end shows in verify-chain.
 */
import type Database from 'better-sqlite3';
import type { FaceMatchRecord } from '../api/face-match.ts';
import type { FieldCipher } from './field-cipher.ts';
import { storeError } from './errors.ts';
import { faceMatchHash, GENESIS_MAC, personalHash, type FaceMatchColumns } from './chain.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { GENESIS_HASH } from '../registry-protocol/record-chain.ts';

export const FACE_MATCH_HEAD = 'face_match_head';

export interface FaceMatchLink {
  readonly hash: Uint8Array;
  readonly mac: Uint8Array;
}

/** The chain fields of the face match after `last` (none before the first); `columns.seq` is last's plus one. */
export function linkFaceMatch(cipher: FieldCipher, last: FaceMatchLink | undefined, columns: FaceMatchColumns): FaceMatchLink {
  const hash = faceMatchHash(last?.hash ?? fromHex(GENESIS_HASH), columns);
  return { hash, mac: cipher.faceMatchMac(last?.mac ?? GENESIS_MAC, hash) };
}

/** The head meta keeps: the last face match's number and hash. */
export function faceMatchHead(seq: number, hash: Uint8Array): string {
  return `${seq}:${toHex(hash).toLowerCase()}`;
}

const reasonAad = (recordId: string): string => `face-match-reason/${recordId}`;

export interface StoredFaceMatch extends FaceMatchRecord {
  readonly at: string;
  readonly operator: string;
}

export class FaceMatches {
  readonly #cipher: FieldCipher;
  readonly #db: Database.Database;
  readonly #insert: Database.Statement<[number, string, string, string, string, Uint8Array | null, Uint8Array, Uint8Array, Uint8Array]>;
  readonly #last: Database.Statement<[], { seq: number; hash: Uint8Array; mac: Uint8Array }>;
  readonly #setHead: Database.Statement<[string, string]>;
  readonly #get: Database.Statement<[string], { created_at: string; operator: string; details: string; reason: Uint8Array | null }>;
  readonly #recordExists: Database.Statement<[string], { n: number }>;
  readonly #now: () => Date;

  constructor(db: Database.Database, cipher: FieldCipher, now: () => Date) {
    this.#db = db;
    this.#cipher = cipher;
    this.#now = now;
    this.#insert = db.prepare('INSERT INTO face_matches (seq, record_id, created_at, operator, details, reason, reason_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.#last = db.prepare('SELECT seq, hash, mac FROM face_matches ORDER BY seq DESC LIMIT 1');
    this.#setHead = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.#get = db.prepare('SELECT created_at, operator, details, reason FROM face_matches WHERE record_id = ?');
    this.#recordExists = db.prepare('SELECT count(*) AS n FROM records WHERE id = ?');
  }

  /** Keeps the face match of `recordId`; RECORD_NOT_FOUND, or FACE_MATCH_RECORDED when it has one already (a record's conclusion is not rewritten). */
  record(recordId: string, operator: string, match: FaceMatchRecord): void {
    if (this.#recordExists.get(recordId)!.n === 0) throw storeError('RECORD_NOT_FOUND');
    if (this.#get.get(recordId)) throw storeError('FACE_MATCH_RECORDED');
    const { reason, ...details } = match;
    const sealed = reason === null ? null : this.#cipher.sealText(reasonAad(recordId), reason);
    const createdAt = this.#now().toISOString();
    this.#db.transaction(() => {
      const last = this.#last.get();
      const columns = { seq: (last?.seq ?? 0) + 1, record_id: recordId, created_at: createdAt, operator, details: JSON.stringify(details), reason_hash: personalHash(sealed) };
      const link = linkFaceMatch(this.#cipher, last, columns);
      this.#insert.run(columns.seq, recordId, createdAt, operator, columns.details, sealed, columns.reason_hash, link.hash, link.mac);
      this.#setHead.run(FACE_MATCH_HEAD, faceMatchHead(columns.seq, link.hash));
    }).immediate();
  }

  get(recordId: string): StoredFaceMatch | null {
    const row = this.#get.get(recordId);
    if (!row) return null;
    const details = JSON.parse(row.details) as Omit<FaceMatchRecord, 'reason'>;
    return { ...details, reason: row.reason === null ? null : this.#cipher.openText(reasonAad(recordId), row.reason), at: row.created_at, operator: row.operator };
  }
}
