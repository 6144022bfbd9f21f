/**
 * The sync outbox (core/sync/ports.ts OutboxPort): one entry per record, written in
 * the record's own transaction. Payloads are sealed at rest like the record's personal fields.
 * A lease keeps an entry out of `pending` while a batch is in flight; acknowledging deletes the
 * entry and stamps the record as synced, so only acknowledged records ever count as synced.
 */
import type Database from 'better-sqlite3';
import type { FieldCipher } from './field-cipher.ts';
import { outboxAad } from './migrations.ts';
import { batchSize, forEachId, leaseEnd } from './outbox-batch.ts';
import type { LocalChainHead, OutboxEntry, OutboxPort } from '../sync/ports.ts';
import { toHex } from '../bytes/hex.ts';
import { GENESIS_HASH } from '../registry-protocol/record-chain.ts';

export type { OutboxEntry, OutboxPort } from '../sync/ports.ts';

export class OutboxTable implements OutboxPort {
  readonly #db: Database.Database;
  readonly #cipher: FieldCipher;
  readonly #nowMs: () => number;
  readonly #pending: Database.Statement<[number, number], { record_id: string; seq: number; payload: Uint8Array; created_at: string }>;
  readonly #count: Database.Statement<[number], { n: number }>;
  readonly #lease: Database.Statement<[number, string]>;
  readonly #release: Database.Statement<[string]>;
  readonly #delete: Database.Statement<[string]>;
  readonly #markSynced: Database.Statement<[string, string]>;
  readonly #lastRecord: Database.Statement<[], { seq: number; id: string; hash: Uint8Array }>;
  readonly #lastEvent: Database.Statement<[], { seq: number; mac: Uint8Array | null }>;
  readonly #lastFaceMatch: Database.Statement<[], { seq: number; mac: Uint8Array | null }>;

  constructor(db: Database.Database, cipher: FieldCipher, nowMs: () => number) {
    this.#db = db;
    this.#cipher = cipher;
    this.#nowMs = nowMs;
    this.#pending = db.prepare('SELECT record_id, seq, payload, created_at FROM outbox WHERE leased_until IS NULL OR leased_until <= ? ORDER BY seq LIMIT ?');
    this.#count = db.prepare('SELECT count(*) AS n FROM outbox WHERE leased_until IS NULL OR leased_until <= ?');
    this.#lease = db.prepare('UPDATE outbox SET leased_until = ? WHERE record_id = ?');
    this.#release = db.prepare('UPDATE outbox SET leased_until = NULL WHERE record_id = ?');
    this.#delete = db.prepare('DELETE FROM outbox WHERE record_id = ?');
    this.#markSynced = db.prepare('UPDATE records SET synced_at = ? WHERE id = ? AND synced_at IS NULL');
    this.#lastRecord = db.prepare('SELECT seq, id, hash FROM records ORDER BY seq DESC LIMIT 1');
    this.#lastEvent = db.prepare('SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1');
    this.#lastFaceMatch = db.prepare('SELECT seq, mac FROM face_matches ORDER BY seq DESC LIMIT 1');
  }

  /** Oldest first; entries whose lease has expired count as pending again. */
  pending(limit: number): OutboxEntry[] {
    return this.#pending.all(this.#nowMs(), batchSize(limit)).map((r) => {
      return { id: r.record_id, seq: r.seq, payload: this.#cipher.openText(outboxAad(r.record_id), r.payload), createdAt: r.created_at };
    });
  }

  lease(ids: string[], untilMs: number): void {
    const until = leaseEnd(untilMs);
    forEachId(this.#db, ids, (id) => this.#lease.run(until, id));
  }

  /** Only the ids given; unknown or already-acknowledged ids are ignored (duplicate acks are normal). */
  acknowledge(ids: string[]): void {
    const at = new Date(this.#nowMs()).toISOString();
    forEachId(this.#db, ids, (id) => {
      if (this.#delete.run(id).changes > 0) this.#markSynced.run(at, id);
    });
  }

  release(ids: string[]): void {
    forEachId(this.#db, ids, (id) => this.#release.run(id));
  }

  pendingCount(): number {
    return this.#count.get(this.#nowMs())!.n;
  }

  chainHead(): LocalChainHead {
    const record = this.#lastRecord.get();
    const event = this.#lastEvent.get();
    const faceMatch = this.#lastFaceMatch.get();
    return {
      seq: record?.seq ?? -1, recordId: record?.id ?? null, hash: record ? toHex(record.hash).toLowerCase() : GENESIS_HASH,
      auditSeq: event?.seq ?? 0, auditMac: event?.mac ? toHex(event.mac).toLowerCase() : GENESIS_HASH,
      faceMatchSeq: faceMatch?.seq ?? 0, faceMatchMac: faceMatch?.mac ? toHex(faceMatch.mac).toLowerCase() : GENESIS_HASH,
    };
  }
}
