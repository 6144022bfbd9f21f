/**
 * Retention purge: records past their profile's retention lose their personal fields, search
 * indexes and unsent outbox entry; the row stays as a tombstone (time, verdict, checks, hashes)
 * so the chain remains checkable and the count of verifications remains auditable.
 */
import type Database from 'better-sqlite3';

export interface PurgeResult {
  readonly purged: number;
  /** Purged records that had not reached the registry yet; their entries left the outbox. */
  readonly unsyncedDropped: number;
}

const BATCH = 1000;

export function purgeExpired(db: Database.Database, now: Date): PurgeResult {
  const nowIso = now.toISOString();
  const select = db.prepare('SELECT seq, id FROM records WHERE purged_at IS NULL AND retain_until <= ? ORDER BY seq LIMIT ?');
  const tombstone = db.prepare('UPDATE records SET personal = NULL, id_hash = NULL, purged_at = ? WHERE seq = ?');
  const dropTokens = db.prepare('DELETE FROM name_tokens WHERE seq = ?');
  const dropOutbox = db.prepare('DELETE FROM outbox WHERE record_id = ?');
  let purged = 0;
  let unsyncedDropped = 0;
  for (;;) {
    const n = db.transaction(() => {
      const rows = select.all(nowIso, BATCH) as { seq: number; id: string }[];
      for (const r of rows) {
        tombstone.run(nowIso, r.seq);
        dropTokens.run(r.seq);
        unsyncedDropped += dropOutbox.run(r.id).changes;
      }
      return rows.length;
    }).immediate();
    purged += n;
    if (n < BATCH) break;
  }
  return { purged, unsyncedDropped };
}
