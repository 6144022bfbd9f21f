/**
 * Retention purge: records past their profile's retention lose their personal fields, search
 * indexes, outbox entry and the teller's words about their face match (which may name the customer); the row stays as a tombstone (time, verdict, checks, hashes) so the
 * chain remains checkable and the count of verifications remains auditable.
 *
 * On a terminal enrolled with a registry a record leaves only after the registry has acknowledged
 * it (`synced_at`): a verification that never reached the registry is kept past its retention, and
 * counted as waiting, rather than lost. A terminal that was never enrolled has nowhere to send its
 * records, so they follow the retention policy alone and the purge counts them as never synced.
 */
import type Database from 'better-sqlite3';

export interface PurgeResult {
  readonly purged: number;
  /** Records past their retention still waiting for the registry's acknowledgement. */
  readonly waiting: number;
  /** Purged records the registry never acknowledged: only on a terminal with no registry configured. */
  readonly neverSynced: number;
}

const BATCH = 1000;

/** Records past their retention that an enrolled terminal's registry has not acknowledged yet. */
export function purgeWaiting(db: Database.Database, now: Date, enrolled: boolean): number {
  if (!enrolled) return 0;
  return (db.prepare('SELECT count(*) AS n FROM records WHERE purged_at IS NULL AND retain_until <= ? AND synced_at IS NULL')
    .get(now.toISOString()) as { n: number }).n;
}

export function purgeExpired(db: Database.Database, now: Date, enrolled: boolean): PurgeResult {
  const nowIso = now.toISOString();
  const select = db.prepare(`SELECT seq, id, synced_at FROM records WHERE purged_at IS NULL AND retain_until <= ?${enrolled ? ' AND synced_at IS NOT NULL' : ''} ORDER BY seq LIMIT ?`);
  const tombstone = db.prepare('UPDATE records SET personal = NULL, id_hash = NULL, purged_at = ? WHERE seq = ?');
  const dropTokens = db.prepare('DELETE FROM name_tokens WHERE seq = ?');
  const dropOutbox = db.prepare('DELETE FROM outbox WHERE record_id = ?');
  const dropTellerWords = db.prepare('UPDATE face_matches SET reason = NULL WHERE record_id = ?');
  let purged = 0;
  let neverSynced = 0;
  for (;;) {
    const n = db.transaction(() => {
      const rows = select.all(nowIso, BATCH) as { seq: number; id: string; synced_at: string | null }[];
      for (const r of rows) {
        tombstone.run(nowIso, r.seq);
        dropTokens.run(r.seq);
        dropOutbox.run(r.id);
        dropTellerWords.run(r.id);
        if (r.synced_at === null) neverSynced++;
      }
      return rows.length;
    }).immediate();
    purged += n;
    if (n < BATCH) break;
  }
  return { purged, waiting: purgeWaiting(db, now, enrolled), neverSynced };
}
