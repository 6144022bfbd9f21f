/**
 * What the record outbox and the face-match outbox (both core/sync/ports.ts OutboxPort) share: the
 * bound on one batch, the check of a lease time, and one transaction for the ids of a batch.
 */
import type Database from 'better-sqlite3';
import { storeError } from './errors.ts';

const MAX_BATCH = 10_000;

/** The number of entries `pending(limit)` may return: a whole number from 0 to MAX_BATCH. */
export function batchSize(limit: number): number {
  return Math.max(0, Math.min(MAX_BATCH, Math.floor(limit)));
}

/** The lease's end as stored (whole milliseconds); QUERY_INVALID for a time that is not one. */
export function leaseEnd(untilMs: number): number {
  if (!Number.isFinite(untilMs)) throw storeError('QUERY_INVALID', 'lease time');
  return Math.floor(untilMs);
}

/** `run` for each id of a batch, all or none. */
export function forEachId(db: Database.Database, ids: readonly string[], run: (id: string) => void): void {
  db.transaction(() => {
    for (const id of ids) run(id);
  }).immediate();
}
