/**
 * Local operator accounts: a name, a role and a PIN hashed with scrypt. Repeated wrong PINs lock
 * the name for a while; a supervisor can unlock it.
 *
 * The PIN prompt must not reveal who has an account, so every name goes down one path: one
 * scrypt (over a dummy salt when there is no account), failures counted per name in
 * `sign_in_failures` (under a keyed hash of the name, for unknown and disabled names as for
 * accounts), the same lock after the same number of failures, and the same writes.
 */
import type Database from 'better-sqlite3';
import { randomBytes, scrypt, timingSafeEqual } from '../crypto/node-crypto.ts';
import { utf8 } from '../bytes/bytes.ts';
import type { SettingsTable } from './settings.ts';
import type { AuditLog } from './audit-log.ts';
import { storeError } from './errors.ts';

export type OperatorRole = 'clerk' | 'supervisor';

export interface Operator {
  readonly name: string;
  readonly role: OperatorRole;
  readonly createdAt: string;
  readonly locked: boolean;
  readonly disabled: boolean;
}

interface OperatorRow {
  name: string;
  role: OperatorRole;
  pin_salt: Uint8Array;
  pin_hash: Uint8Array;
  created_at: string;
  disabled: number;
}

interface FailureRow {
  failures: number;
  locked_until: number | null;
}

export const DEFAULT_MAX_FAILURES = 5;
export const DEFAULT_LOCK_MINUTES = 15;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;
const PIN = /^\d{4,12}$/;
const DUMMY_SALT = new Uint8Array(16);
const DUMMY_HASH = new Uint8Array(32);

export class OperatorAccounts {
  readonly #db: Database.Database;
  readonly #settings: SettingsTable;
  readonly #nowMs: () => number;
  readonly #audit: AuditLog;
  readonly #nameKey: (name: string) => Uint8Array;

  constructor(db: Database.Database, settings: SettingsTable, nowMs: () => number, audit: AuditLog, nameKey: (name: string) => Uint8Array) {
    this.#db = db;
    this.#settings = settings;
    this.#nowMs = nowMs;
    this.#audit = audit;
    this.#nameKey = nameKey;
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

  /** Checks the PIN; counts failures and locks the name after the configured number in a row. */
  authenticate(name: string, pin: string): Operator {
    const clean = name.trim();
    const row = this.#row(clean);
    const candidate = scrypt(utf8(pin), row?.pin_salt ?? DUMMY_SALT);
    const key = this.#nameKey(clean);
    const now = this.#nowMs();
    const failure = this.#failure(key);
    if (failure?.locked_until != null && failure.locked_until > now) throw storeError('OPERATOR_LOCKED');
    const matches = timingSafeEqual(candidate, row?.pin_hash ?? DUMMY_HASH);
    if (!row || row.disabled || !matches) throw storeError(this.#countFailure(key, failure, row?.disabled ? undefined : row?.name, now));
    if (failure) this.#db.prepare('DELETE FROM sign_in_failures WHERE name_key = ?').run(key);
    return this.#public(row);
  }

  /** One transaction whatever the name: the failure, and at the lock an audit event. Returns the error code to give. */
  #countFailure(key: Uint8Array, previous: FailureRow | undefined, account: string | undefined, now: number): 'OPERATOR_LOCKED' | 'OPERATOR_AUTH_FAILED' {
    return this.#db.transaction(() => {
      // A lock that has run out starts a fresh count.
      const failures = (previous?.locked_until != null ? 0 : previous?.failures ?? 0) + 1;
      const lock = failures >= this.#maxFailures() ? now + this.#lockMinutes() * 60_000 : null;
      this.#db.prepare(`INSERT INTO sign_in_failures (name_key, failures, locked_until, last_failure) VALUES (?, ?, ?, ?)
        ON CONFLICT (name_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure = excluded.last_failure`)
        .run(key, lock ? 0 : failures, lock, now);
      // Names nobody holds are forgotten once their failures are older than a lock would last.
      this.#db.prepare('DELETE FROM sign_in_failures WHERE last_failure < ? AND (locked_until IS NULL OR locked_until < ?)').run(now - this.#lockMinutes() * 60_000, now);
      if (lock) this.#audit.record(account ?? 'system', 'operator-locked', { until: new Date(lock).toISOString(), ...(account ? {} : { account: false }) });
      return lock ? 'OPERATOR_LOCKED' : 'OPERATOR_AUTH_FAILED';
    }).immediate();
  }

  /** Authenticates and requires the supervisor role (export, unlock, operator management). */
  authenticateSupervisor(name: string, pin: string): Operator {
    const op = this.authenticate(name, pin);
    if (op.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    return op;
  }

  unlock(supervisor: Operator, name: string): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    if (!this.#row(name.trim())) throw storeError('OPERATOR_AUTH_FAILED');
    this.#clearFailures(name);
    this.#audit.record(supervisor.name, 'operator-unlock', { operator: name.trim() });
  }

  setPin(supervisor: Operator, name: string, pin: string): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    if (!PIN.test(pin)) throw storeError('OPERATOR_INVALID');
    const salt = randomBytes(16);
    const r = this.#db.prepare('UPDATE operators SET pin_salt = ?, pin_hash = ? WHERE name = ?').run(salt, scrypt(utf8(pin), salt), name.trim());
    if (r.changes === 0) throw storeError('OPERATOR_AUTH_FAILED');
    this.#clearFailures(name);
    this.#audit.record(supervisor.name, 'operator-pin', { operator: name.trim() });
  }

  /** Accounts are disabled, not deleted: old records keep naming them. */
  setDisabled(supervisor: Operator, name: string, disabled: boolean): void {
    if (supervisor.role !== 'supervisor') throw storeError('OPERATOR_FORBIDDEN');
    const r = this.#db.prepare('UPDATE operators SET disabled = ? WHERE name = ?').run(disabled ? 1 : 0, name.trim());
    if (r.changes === 0) throw storeError('OPERATOR_AUTH_FAILED');
    this.#audit.record(supervisor.name, disabled ? 'operator-disable' : 'operator-enable', { operator: name.trim() });
  }

  count(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;
  }

  #row(name: string): OperatorRow | undefined {
    return this.#db.prepare('SELECT * FROM operators WHERE name = ?').get(name) as OperatorRow | undefined;
  }

  #failure(key: Uint8Array): FailureRow | undefined {
    return this.#db.prepare('SELECT failures, locked_until FROM sign_in_failures WHERE name_key = ?').get(key) as FailureRow | undefined;
  }

  #clearFailures(name: string): void {
    this.#db.prepare('DELETE FROM sign_in_failures WHERE name_key = ?').run(this.#nameKey(name.trim()));
  }

  #public(r: OperatorRow): Operator {
    const lockedUntil = this.#failure(this.#nameKey(r.name))?.locked_until ?? null;
    return { name: r.name, role: r.role, createdAt: r.created_at, locked: lockedUntil !== null && lockedUntil > this.#nowMs(), disabled: r.disabled !== 0 };
  }

  #maxFailures(): number {
    return Number(this.#settings.get('operatorMaxFailures') ?? DEFAULT_MAX_FAILURES) || DEFAULT_MAX_FAILURES;
  }

  #lockMinutes(): number {
    return Number(this.#settings.get('operatorLockMinutes') ?? DEFAULT_LOCK_MINUTES) || DEFAULT_LOCK_MINUTES;
  }
}
