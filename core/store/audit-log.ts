/**
 * Who did what to the records (exports, full reads of personal data, a FAILED document's data
 * shown anyway, purges, operator and settings changes, locked accounts): the processing log
 * data-protection rules ask for. Details never hold personal data: an export logs which filters
 * were used, not the searched name or number. Each event carries a keyed link to the one before
 * (chain.ts), so events deleted, edited or renumbered without the data key show in
 * `records verify-chain`.
 */
import type Database from 'better-sqlite3';
import { auditLinkData, GENESIS_MAC } from './chain.ts';

export type AuditAction = 'export' | 'read-full' | 'purge' | 'operator-add' | 'operator-unlock' | 'operator-pin' | 'operator-disable'
  | 'operator-enable' | 'operator-role' | 'operator-locked' | 'setting-change' | 'trust-import' | 'trust-remove'
  | 'integration-client-add' | 'integration-client-revoke' | 'integration-delivery'
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
  readonly #db: Database.Database;
  readonly #last: Database.Statement<[], { seq: number; mac: Uint8Array | null }>;
  readonly #insert: Database.Statement<[number, string, string, string, string, Uint8Array]>;
  readonly #list: Database.Statement<[number], { seq: number; at: string; actor: string; action: string; detail: string }>;
  readonly #now: () => Date;
  readonly #mac: (previous: Uint8Array, event: Uint8Array) => Uint8Array;

  constructor(db: Database.Database, now: () => Date, mac: (previous: Uint8Array, event: Uint8Array) => Uint8Array) {
    this.#db = db;
    this.#last = db.prepare('SELECT seq, mac FROM audit_events ORDER BY seq DESC LIMIT 1');
    this.#insert = db.prepare('INSERT INTO audit_events (seq, at, actor, action, detail, mac) VALUES (?, ?, ?, ?, ?, ?)');
    this.#list = db.prepare('SELECT seq, at, actor, action, detail FROM audit_events ORDER BY seq DESC LIMIT ?');
    this.#now = now;
    this.#mac = mac;
  }

  record(actor: string, action: AuditAction, detail: AuditEvent['detail'] = {}): void {
    this.recordMany([{ actor, action, detail }]);
  }

  /**
   * Events appended in one transaction (one durable write for a verification delivered to many
   * clients), each linked to the one before. The last link is read inside the transaction: another
   * process may log at the same time.
   */
  recordMany(events: readonly { actor: string; action: AuditAction; detail: AuditEvent['detail'] }[]): void {
    if (events.length === 0) return;
    const at = this.#now().toISOString();
    this.#db.transaction(() => {
      let last = this.#last.get();
      for (const e of events) {
        const event = { seq: (last?.seq ?? 0) + 1, at, actor: e.actor, action: e.action, detail: JSON.stringify(e.detail) };
        const mac = this.#mac(last?.mac ?? GENESIS_MAC, auditLinkData(event));
        this.#insert.run(event.seq, event.at, event.actor, event.action, event.detail, mac);
        last = { seq: event.seq, mac };
      }
    }).immediate();
  }

  /** Newest first. */
  list(limit = 100): AuditEvent[] {
    const n = Math.max(1, Math.min(MAX_LIST, Math.floor(limit)));
    return this.#list.all(n).map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action as AuditAction, detail: JSON.parse(r.detail) as AuditEvent['detail'] }));
  }
}
