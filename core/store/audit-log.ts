/**
 * Who did what to the records (exports, purges, operator and settings changes, locked
 * accounts, a FAILED document's data shown anyway): the processing log data-protection rules ask for. Details never hold personal
 * data: an export logs which filters were used, not the searched name or number.
 */
import type Database from 'better-sqlite3';

export type AuditAction = 'export' | 'purge' | 'operator-add' | 'operator-unlock' | 'operator-pin' | 'operator-disable'
  | 'operator-enable' | 'operator-locked' | 'setting-change'
  /** A FAILED document's holder data and photo were shown anyway, on the operator's request. */
  | 'failed-data-shown';

export interface AuditEvent {
  readonly seq: number;
  readonly at: string;
  /** The operator who acted, or 'system' for scheduled work. */
  readonly actor: string;
  readonly action: AuditAction;
  readonly detail: Record<string, string | number | boolean | null>;
}

const MAX_LIST = 1000;

export class AuditLog {
  readonly #insert: Database.Statement<[string, string, string, string]>;
  readonly #list: Database.Statement<[number], { seq: number; at: string; actor: string; action: string; detail: string }>;
  readonly #now: () => Date;

  constructor(db: Database.Database, now: () => Date) {
    this.#insert = db.prepare('INSERT INTO audit_events (at, actor, action, detail) VALUES (?, ?, ?, ?)');
    this.#list = db.prepare('SELECT seq, at, actor, action, detail FROM audit_events ORDER BY seq DESC LIMIT ?');
    this.#now = now;
  }

  record(actor: string, action: AuditAction, detail: AuditEvent['detail'] = {}): void {
    this.#insert.run(this.#now().toISOString(), actor, action, JSON.stringify(detail));
  }

  /** Newest first. */
  list(limit = 100): AuditEvent[] {
    const n = Math.max(1, Math.min(MAX_LIST, Math.floor(limit)));
    return this.#list.all(n).map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action as AuditAction, detail: JSON.parse(r.detail) as AuditEvent['detail'] }));
  }
}
