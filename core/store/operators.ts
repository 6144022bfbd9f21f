/**
 * Local operator accounts: a name, a role and a PIN hashed with scrypt. Repeated wrong PINs lock
 * the account for a while; a supervisor can unlock it. Unknown names cost the same scrypt as
 * known ones and give the same error, so the PIN prompt does not reveal who has an account.
 */
import type Database from 'better-sqlite3';
import { randomBytes, scrypt, timingSafeEqual } from '../crypto/node-crypto.ts';
import { utf8 } from '../bytes/bytes.ts';
import type { SettingsTable } from './settings.ts';
import type { AuditLog } from './audit-log.ts';
import { storeError } from './errors.ts';
import { EidError } from '../errors.ts';

export type OperatorRole = 'clerk' | 'supervisor';

export interface Operator {
  readonly name: string;
  readonly role: OperatorRole;
  readonly createdAt: string;
  readonly locked: boolean;
  /** When the lock ends (ISO time), while the account is locked. */
  readonly lockedUntil: string | null;
  readonly disabled: boolean;
}

interface OperatorRow {
  name: string;
  role: OperatorRole;
  pin_salt: Uint8Array;
  pin_hash: Uint8Array;
  failed_attempts: number;
  locked_until: number | null;
  created_at: string;
  disabled: number;
}

export const DEFAULT_MAX_FAILURES = 5;
export const DEFAULT_LOCK_MINUTES = 15;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;
const PIN = /^\d{4,12}$/;
const DUMMY_SALT = new Uint8Array(16);

export class OperatorAccounts {
  readonly #db: Database.Database;
  readonly #settings: SettingsTable;
  readonly #nowMs: () => number;
  readonly #audit: AuditLog;

  constructor(db: Database.Database, settings: SettingsTable, nowMs: () => number, audit: AuditLog) {
    this.#db = db;
    this.#settings = settings;
    this.#nowMs = nowMs;
    this.#audit = audit;
  }

  /**
   * The first account must be a supervisor and needs no one's approval; every later one is
   * added by an authenticated supervisor (`by`).
   */
  add(name: string, role: OperatorRole, pin: string, by: Operator | null): Operator {
    const clean = name.trim();
    if (this.count() === 0 ? role !== 'supervisor' : by?.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    if (!NAME.test(clean) || (role !== 'clerk' && role !== 'supervisor') || !PIN.test(pin)) throw storeError('OPERATOR_INVALID');
    if (this.#row(clean)) throw storeError('OPERATOR_EXISTS', clean);
    const salt = randomBytes(16);
    const createdAt = new Date(this.#nowMs()).toISOString();
    this.#db.prepare('INSERT INTO operators (name, role, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(clean, role, salt, scrypt(utf8(pin), salt), createdAt);
    this.#audit.record(by?.name ?? clean, 'operator-add', { operator: clean, role });
    return this.get(clean);
  }

  list(): Operator[] {
    return (this.#db.prepare('SELECT * FROM operators ORDER BY name').all() as OperatorRow[]).map((r) => this.#public(r));
  }

  get(name: string): Operator {
    const row = this.#row(name);
    if (!row) throw storeError('OPERATOR_AUTH_FAILED');
    return this.#public(row);
  }

  /** Checks the PIN; counts failures and locks after the configured number in a row. */
  authenticate(name: string, pin: string): Operator {
    const row = this.#row(name.trim());
    const candidate = scrypt(utf8(pin), row?.pin_salt ?? DUMMY_SALT);
    if (!row || row.disabled) throw storeError('OPERATOR_AUTH_FAILED');
    const now = this.#nowMs();
    if (row.locked_until !== null && row.locked_until > now) throw lockedError(row.locked_until, now);
    if (!timingSafeEqual(candidate, row.pin_hash)) {
      // A lock that has run out starts a fresh count.
      const failures = (row.locked_until !== null ? 0 : row.failed_attempts) + 1;
      const lock = failures >= this.#maxFailures() ? now + this.#lockMinutes() * 60_000 : null;
      this.#db.prepare('UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE name = ?').run(lock ? 0 : failures, lock, row.name);
      if (lock) this.#audit.record(row.name, 'operator-locked', { until: new Date(lock).toISOString() });
      throw lock ? lockedError(lock, now) : storeError('OPERATOR_AUTH_FAILED');
    }
    this.#db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE name = ?').run(row.name);
    return this.#public({ ...row, failed_attempts: 0, locked_until: null });
  }

  /** Authenticates and requires the supervisor role (export, unlock, operator management). */
  authenticateSupervisor(name: string, pin: string): Operator {
    const op = this.authenticate(name, pin);
    if (op.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    return op;
  }

  unlock(supervisor: Operator, name: string): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    const r = this.#db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE name = ?').run(name.trim());
    if (r.changes === 0) throw storeError('OPERATOR_AUTH_FAILED');
    this.#audit.record(supervisor.name, 'operator-unlock', { operator: name.trim() });
  }

  setPin(supervisor: Operator, name: string, pin: string): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    if (!PIN.test(pin)) throw storeError('OPERATOR_INVALID');
    const salt = randomBytes(16);
    const r = this.#db.prepare('UPDATE operators SET pin_salt = ?, pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE name = ?')
      .run(salt, scrypt(utf8(pin), salt), name.trim());
    if (r.changes === 0) throw storeError('OPERATOR_AUTH_FAILED');
    this.#audit.record(supervisor.name, 'operator-pin', { operator: name.trim() });
  }

  /** Accounts are disabled, not deleted: old records keep naming them. */
  setDisabled(supervisor: Operator, name: string, disabled: boolean): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    if (disabled) this.#keepASupervisor(name);
    const r = this.#db.prepare('UPDATE operators SET disabled = ? WHERE name = ?').run(disabled ? 1 : 0, name.trim());
    if (r.changes === 0) throw storeError('OPERATOR_AUTH_FAILED');
    this.#audit.record(supervisor.name, disabled ? 'operator-disable' : 'operator-enable', { operator: name.trim() });
  }

  setRole(supervisor: Operator, name: string, role: OperatorRole): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    if (role !== 'clerk' && role !== 'supervisor') throw storeError('OPERATOR_INVALID');
    if (!this.#row(name.trim())) throw storeError('OPERATOR_AUTH_FAILED');
    if (role === 'clerk') this.#keepASupervisor(name);
    this.#db.prepare('UPDATE operators SET role = ? WHERE name = ?').run(role, name.trim());
    this.#audit.record(supervisor.name, 'operator-role', { operator: name.trim(), role });
  }

  /** Nobody could manage the terminal any more if its last active supervisor went. */
  #keepASupervisor(leaving: string): void {
    const others = this.#db.prepare("SELECT count(*) AS n FROM operators WHERE role = 'supervisor' AND disabled = 0 AND name <> ?").get(leaving.trim()) as { n: number };
    const row = this.#row(leaving.trim());
    if (row?.role === 'supervisor' && !row.disabled && others.n === 0) throw storeError('OPERATOR_LAST_SUPERVISOR');
  }

  count(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  #row(name: string): OperatorRow | undefined {
    return this.#db.prepare('SELECT * FROM operators WHERE name = ?').get(name) as OperatorRow | undefined;
  }

  #public(r: OperatorRow): Operator {
    const locked = r.locked_until !== null && r.locked_until > this.#nowMs();
    return { name: r.name, role: r.role, createdAt: r.created_at, locked, lockedUntil: locked ? new Date(r.locked_until!).toISOString() : null, disabled: r.disabled !== 0 };
  }

  #maxFailures(): number {
    return Number(this.#settings.get('operatorMaxFailures') ?? DEFAULT_MAX_FAILURES) || DEFAULT_MAX_FAILURES;
  }

  #lockMinutes(): number {
    return Number(this.#settings.get('operatorLockMinutes') ?? DEFAULT_LOCK_MINUTES) || DEFAULT_LOCK_MINUTES;
  }
}

/** The lock and the minutes it still lasts, so the clerk knows when to try again. */
function lockedError(until: number, now: number): EidError {
  return new EidError('OPERATOR_LOCKED', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)) });
}
