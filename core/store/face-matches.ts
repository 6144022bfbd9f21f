/**
 * The face match of a record (schema 10): what the counter's check decided and what the teller
 * concluded, once per record, never a picture or a descriptor. The teller's reason is their own
 * words, which may name the customer, so it is sealed like the record's personal fields.
 */
import type Database from 'better-sqlite3';
import type { FaceMatchRecord } from '../api/face-match.ts';
import type { FieldCipher } from './field-cipher.ts';
import { storeError } from './errors.ts';

const reasonAad = (recordId: string): string => `face-match-reason/${recordId}`;

export interface StoredFaceMatch extends FaceMatchRecord {
  readonly at: string;
  readonly operator: string;
}

export class FaceMatches {
  readonly #cipher: FieldCipher;
  readonly #insert: Database.Statement<[string, string, string, string, Uint8Array | null]>;
  readonly #get: Database.Statement<[string], { created_at: string; operator: string; details: string; reason: Uint8Array | null }>;
  readonly #recordExists: Database.Statement<[string], { n: number }>;
  readonly #now: () => Date;

  constructor(db: Database.Database, cipher: FieldCipher, now: () => Date) {
    this.#cipher = cipher;
    this.#now = now;
    this.#insert = db.prepare('INSERT INTO face_matches (record_id, created_at, operator, details, reason) VALUES (?, ?, ?, ?, ?)');
    this.#get = db.prepare('SELECT created_at, operator, details, reason FROM face_matches WHERE record_id = ?');
    this.#recordExists = db.prepare('SELECT count(*) AS n FROM records WHERE id = ?');
  }

  /** Keeps the face match of `recordId`; RECORD_NOT_FOUND, or FACE_MATCH_RECORDED when it has one already (a record's conclusion is not rewritten). */
  record(recordId: string, operator: string, match: FaceMatchRecord): void {
    if (this.#recordExists.get(recordId)!.n === 0) throw storeError('RECORD_NOT_FOUND');
    if (this.#get.get(recordId)) throw storeError('FACE_MATCH_RECORDED');
    const { reason, ...details } = match;
    this.#insert.run(recordId, this.#now().toISOString(), operator, JSON.stringify(details), reason === null ? null : this.#cipher.sealText(reasonAad(recordId), reason));
  }

  get(recordId: string): StoredFaceMatch | null {
    const row = this.#get.get(recordId);
    if (!row) return null;
    const details = JSON.parse(row.details) as Omit<FaceMatchRecord, 'reason'>;
    return { ...details, reason: row.reason === null ? null : this.#cipher.openText(reasonAad(recordId), row.reason), at: row.created_at, operator: row.operator };
  }
}
