/**
 * Retention purge: records past their profile's retention lose their personal fields and search
 * indexes; the row stays as a tombstone (time, verdict, checks, hashes) so the chain remains
 * checkable and the count of verifications remains auditable.
 *
 * A record leaves only after the registry has acknowledged it (`synced_at`): a verification that
 * never reached the registry is kept past its retention, and counted as waiting, rather than lost.
 */
import type Database from 'better-sqlite3';

export interface PurgeResult {
  readonly purged: number;
  /** Records past their retention still waiting for the registry's acknowledgement. */
  readonly waiting: number;
}

const BATCH = 1000;

/** Records past their retention that the registry has not acknowledged yet. */
export function purgeWaiting(db: Database.Database, now: Date): number {
  return (db.prepare('SELECT count(*) AS n FROM records WHERE purged_at IS NULL AND retain_until <= ? AND synced_at IS NULL')
    .get(now.toISOString()) as { n: number }).n;
}

export function purgeExpired(db: Database.Database, now: Date): PurgeResult {
  const nowIso = now.toISOString();
  const select = db.prepare('SELECT seq FROM records WHERE purged_at IS NULL AND retain_until <= ? AND synced_at IS NOT NULL ORDER BY seq LIMIT ?');
  const tombstone = db.prepare('UPDATE records SET personal = NULL, id_hash = NULL, purged_at = ? WHERE seq = ?');
  const dropTokens = db.prepare('DELETE FROM name_tokens WHERE seq = ?');
  let purged = 0;
  for (;;) {
    const n = db.transaction(() => {
      const rows = select.all(nowIso, BATCH) as { seq: number }[];
      for (const r of rows) {
        tombstone.run(nowIso, r.seq);
        dropTokens.run(r.seq);
      }
      return rows.length;
    }).immediate();
    purged += n;
    if (n < BATCH) break;
  }
  return { purged, waiting: purgeWaiting(db, now) };
}
