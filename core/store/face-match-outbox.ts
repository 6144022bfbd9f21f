/**
 * Face matches waiting for the registry (core/sync/ports.ts OutboxPort, ids are record ids). A
 * face match becomes pending only once its record has been acknowledged, so the registry always
 * holds the record it concludes; leases and acknowledgements work as in the record outbox. The
 * payload is built from the stored row when it is sent: the row is never rewritten.
 */
import type Database from 'better-sqlite3';
import type { FaceMatchRecord } from '../api/face-match.ts';
import type { OutboxEntry, OutboxPort } from '../sync/ports.ts';
import { toHex } from '../bytes/hex.ts';
import { batchSize, forEachId, leaseEnd } from './outbox-batch.ts';
import { faceMatchPayload } from './registry-payload.ts';

interface PendingRow {
  record_id: string;
  seq: number;
  record_hash: Uint8Array;
  created_at: string;
  operator: string;
  details: string;
}

export class FaceMatchOutbox implements OutboxPort {
  readonly #db: Database.Database;
  readonly #nowMs: () => number;
  readonly #pending: Database.Statement<[number, number], PendingRow>;
  readonly #count: Database.Statement<[number], { n: number }>;
  readonly #lease: Database.Statement<[number, string]>;
  readonly #release: Database.Statement<[string]>;
  readonly #acknowledge: Database.Statement<[string, string]>;

  constructor(db: Database.Database, nowMs: () => number) {
    this.#db = db;
    this.#nowMs = nowMs;
    this.#pending = db.prepare(`SELECT f.record_id, r.seq, r.hash AS record_hash, f.created_at, f.operator, f.details
      FROM face_matches f JOIN records r ON r.id = f.record_id
      WHERE f.synced_at IS NULL AND r.synced_at IS NOT NULL AND (f.leased_until IS NULL OR f.leased_until <= ?) ORDER BY r.seq LIMIT ?`);
    this.#count = db.prepare('SELECT count(*) AS n FROM face_matches WHERE synced_at IS NULL AND (leased_until IS NULL OR leased_until <= ?)');
    this.#lease = db.prepare('UPDATE face_matches SET leased_until = ? WHERE record_id = ?');
    this.#release = db.prepare('UPDATE face_matches SET leased_until = NULL WHERE record_id = ?');
    this.#acknowledge = db.prepare('UPDATE face_matches SET synced_at = ?, leased_until = NULL WHERE record_id = ? AND synced_at IS NULL');
  }

  /** In record order; a face match whose record the registry has not acknowledged yet waits. */
  pending(limit: number): OutboxEntry[] {
    return this.#pending.all(this.#nowMs(), batchSize(limit)).map((r) => {
      const details = JSON.parse(r.details) as Omit<FaceMatchRecord, 'reason'>;
      const payload = faceMatchPayload(r.record_id, toHex(r.record_hash).toLowerCase(), { ...details, at: r.created_at, operator: r.operator });
      return { id: r.record_id, seq: r.seq, payload, createdAt: r.created_at };
    });
  }

  lease(ids: string[], untilMs: number): void {
    const until = leaseEnd(untilMs);
    forEachId(this.#db, ids, (id) => this.#lease.run(until, id));
  }

  acknowledge(ids: string[]): void {
    const at = new Date(this.#nowMs()).toISOString();
    forEachId(this.#db, ids, (id) => this.#acknowledge.run(at, id));
  }

  release(ids: string[]): void {
    forEachId(this.#db, ids, (id) => this.#release.run(id));
  }

  /** Every face match not yet acknowledged and not in flight, including those still waiting for their record. */
  pendingCount(): number {
    return this.#count.get(this.#nowMs())!.n;
  }
}
