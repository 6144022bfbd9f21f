/**
 * A file-backed outbox + key-value store for crash tests only (the product's outbox is
 * core/store's): same lease semantics, durable across a SIGKILL of the process using it.
 */
import Database from 'better-sqlite3';
import type { KeyValuePort, OutboxEntry, OutboxPort } from '../../../core/sync/ports.ts';

export class SqliteTestOutbox implements OutboxPort, KeyValuePort {
  private readonly db: Database.Database;

  constructor(file: string, private readonly now: () => number = Date.now) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, seq INTEGER, payload TEXT, created_at TEXT, leased_until INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT)`);
  }

  add(entries: OutboxEntry[]): void {
    const ins = this.db.prepare('INSERT INTO outbox (id, seq, payload, created_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => { for (const e of entries) ins.run(e.id, e.seq, e.payload, e.createdAt); })();
  }

  pending(limit: number): OutboxEntry[] {
    return (this.db.prepare('SELECT id, seq, payload, created_at FROM outbox WHERE leased_until <= ? ORDER BY seq LIMIT ?').all(this.now(), limit) as
      { id: string; seq: number; payload: string; created_at: string }[]).map((r) => ({ id: r.id, seq: r.seq, payload: r.payload, createdAt: r.created_at }));
  }

  lease(ids: string[], untilMs: number): void {
    const st = this.db.prepare('UPDATE outbox SET leased_until = ? WHERE id = ?');
    this.db.transaction(() => { for (const id of ids) st.run(untilMs, id); })();
  }

  acknowledge(ids: string[]): void {
    const st = this.db.prepare('DELETE FROM outbox WHERE id = ?');
    this.db.transaction(() => { for (const id of ids) st.run(id); })();
  }

  release(ids: string[]): void {
    this.lease(ids, 0);
  }

  pendingCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  get(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    this.db.close();
  }
}
