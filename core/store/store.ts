/**
 * The terminal's records database: open (create, migrate, check the key), then one object with
 * the record writer and queries, outbox, settings, operators, chain verification and purge.
 */
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { join } from 'node:path';
import { FieldCipher } from './field-cipher.ts';
import { ensurePrivateDatabase, ensurePrivateDir } from '../secrets/private-files.ts';
import { defaultKeyProvider, type KeyProvider } from './key-provider.ts';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations.ts';
import { SettingsTable, type KeyValuePort } from './settings.ts';
import { RecordWriter } from './record-writer.ts';
import { RecordQueries } from './record-query.ts';
import { OutboxTable, type OutboxPort } from './outbox.ts';
import { FaceMatchOutbox } from './face-match-outbox.ts';
import { OperatorAccounts, type Operator } from './operators.ts';
import { AuditLog } from './audit-log.ts';
import { FaceMatches } from './face-matches.ts';
import { IntegrationClients } from './integration-clients.ts';
import { describeQuery, exportRecords, type ExportFormat, type ExportQuery, type Spreadsheet } from './export.ts';
import { verifyChain, type ChainReport } from './chain-verify.ts';
import { fullReader, maskedReader, type RecordReader } from './record-reader.ts';
import { purgeExpired, purgeWaiting, type PurgeResult } from './retention.ts';
import type { FaceMatchSetting } from '../api/face-match.ts';
import { parseCustomProfiles, resolveProfile, listProfiles, DEFAULT_PROFILE, displayFieldsOf, parseDisplayChoices, faceMatchOf, parseFaceMatchChoices, type PurposeProfile } from './profiles.ts';
import type { DisplayField } from '../api/display-fields.ts';
import type { RecordInput, RecordRef } from './record-types.ts';
import { storeError } from './errors.ts';
import { isEnrolled } from '../sync/identity.ts';
import { isEidError } from '../errors.ts';

export const DATABASE_FILE = 'records.db';

export interface OpenStoreOptions {
  /** Folder for the database (and, with the default key provider, the key file). */
  readonly dataDir: string;
  readonly keyProvider?: KeyProvider;
  /** Injected clock for retention, leases and lock-outs in tests. */
  readonly now?: () => Date;
}

export interface Store {
  readonly path: string;
  readonly records: RecordQueries;
  readonly outbox: OutboxPort;
  readonly kv: KeyValuePort;
  readonly settings: SettingsTable;
  readonly operators: OperatorAccounts;
  readonly audit: AuditLog;
  /** The face match at the counter and the teller's conclusion, per record. */
  readonly faceMatches: FaceMatches;
  /** Face matches for the registry, each after its record has been acknowledged. */
  readonly faceMatchOutbox: OutboxPort;
  /** Business applications allowed on the local integration API. */
  readonly integrationClients: IntegrationClients;
  /** Stores a verification durably (record, outbox entry, chain link) before returning. */
  write(input: RecordInput): RecordRef;
  writeMany(inputs: readonly RecordInput[]): RecordRef[];
  verifyChain(): ChainReport;
  /**
   * Retention purge on the store's clock, by a supervisor; logged in the audit log. Once enrolled,
   * a record the registry has not acknowledged waits; a never-enrolled terminal purges by retention alone.
   */
  purgeExpired(by: Operator): PurgeResult;
  /** Records past their retention that wait for the registry's acknowledgement before they may be purged (0 when not enrolled). */
  purgeWaiting(): number;
  /** Records with personal fields masked (`by` null), or in full for a supervisor, each full read audited. */
  reader(by: Operator | null): RecordReader;
  /** Auditor export (supervisors only), logged with its format, filters and record count; `spreadsheet`: a CSV for a spreadsheet in that language. */
  exportRecords(by: Operator, format: ExportFormat, query?: ExportQuery, spreadsheet?: Spreadsheet): Generator<string>;
  /** A settings change made by a person (validated, and logged by key, not value). */
  changeSetting(by: Operator | null, key: string, value: string): void;
  profile(name?: string): PurposeProfile;
  profiles(): PurposeProfile[];
  /** What the result screen shows of the holder under the active profile (its default, or as a supervisor adjusted it). */
  displayFields(): readonly DisplayField[];
  /** Face match under the active profile (its default, or as a supervisor set it). */
  faceMatch(): FaceMatchSetting;
  close(): void;
}

const KEY_CHECK = 'key_check';

/** Applies the durability settings: WAL, and a full sync on every commit so an acknowledged record survives a crash or power loss. */
function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** The key must be the one the database was created with; a wrong key would seal new records unreadably. */
function checkKey(db: Database.Database, cipher: FieldCipher): void {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK) as { value: string } | undefined;
  if (!row) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, cipher.keyCheck);
  else if (row.value !== cipher.keyCheck) throw storeError('RECORD_DECRYPT_FAILED', 'the data key does not belong to this database');
}

export function openStore(options: OpenStoreOptions): Store {
  const now = options.now ?? (() => new Date());
  const nowMs = (): number => now().getTime();
  ensurePrivateDir(options.dataDir);
  const path = join(options.dataDir, DATABASE_FILE);
  const cipher = new FieldCipher((options.keyProvider ?? defaultKeyProvider(options.dataDir)).loadOrCreateKey());
  let db: Database.Database;
  try {
    // 0600 before SQLite opens it; the -wal and -shm files inherit the mode.
    ensurePrivateDatabase(path);
    db = new Database(path);
    configure(db);
  } catch (e) {
    throw storeError('STORE_OPEN_FAILED', undefined, e);
  }
  try {
    // Check the key before migrating: backfills decrypt old records, and a wrong key must be
    // reported as such rather than as a failed upgrade.
    const version = schemaVersion(db);
    if (version >= 1 && version <= LATEST_VERSION) checkKey(db, cipher);
    migrate(db, { cipher });
    db.transaction(() => checkKey(db, cipher)).immediate();
  } catch (e) {
    db.close();
    // A file that is not a database (or is damaged) surfaces here as a raw SQLite error.
    throw isEidError(e) ? e : storeError('STORE_OPEN_FAILED', undefined, e);
  }
  const settings = new SettingsTable(db);
  if (!settings.get('terminalId')) settings.set('terminalId', uuidv7());
  const writer = new RecordWriter(db, cipher, settings, now);
  const records = new RecordQueries(db, cipher);
  const outbox = new OutboxTable(db, cipher, nowMs);
  const audit = new AuditLog(db, now, (previous, event) => cipher.auditMac(previous, event));
  const operators = new OperatorAccounts(db, settings, nowMs, audit, (name) => cipher.operatorNameKey(name));
  const customProfiles = (): Record<string, PurposeProfile> => parseCustomProfiles(settings.get('purposeProfiles'));
  const activeProfile = (): PurposeProfile => resolveProfile(settings.get('purposeProfile') ?? DEFAULT_PROFILE, customProfiles());

  return {
    path,
    records,
    outbox,
    kv: settings,
    settings,
    operators,
    audit,
    integrationClients: new IntegrationClients(db, audit, now),
    faceMatches: new FaceMatches(db, cipher, now),
    faceMatchOutbox: new FaceMatchOutbox(db, nowMs),
    write: (input) => writer.write(input),
    writeMany: (inputs) => writer.writeMany(inputs),
    verifyChain: () => verifyChain(db, cipher),
    purgeExpired: (by) => {
      if (by.role !== 'supervisor' || by.disabled) throw storeError('OPERATOR_FORBIDDEN');
      const at = now();
      const enrolled = isEnrolled(settings);
      const result = purgeExpired(db, at, enrolled);
      // The audit says why records may have left without reaching a registry: none is configured.
      audit.record(by.name, 'purge', { ...result, registry: enrolled ? 'enrolled' : 'none', at: at.toISOString() });
      return result;
    },
    purgeWaiting: () => purgeWaiting(db, now(), isEnrolled(settings)),
    reader: (by) => (by ? fullReader(records, audit, by) : maskedReader(records)),
    exportRecords: (by, format, query = {}, spreadsheet) =>
      exportRecords(records, by, format, query, (count) => audit.record(by.name, 'export', { format, count, ...describeQuery(query) }), spreadsheet),
    changeSetting: (by, key, value) => {
      settings.change(key, value);
      audit.record(by?.name ?? 'setup', 'setting-change', { key });
    },
    profile: (name) => (name === undefined ? activeProfile() : resolveProfile(name, customProfiles())),
    profiles: () => listProfiles(customProfiles()),
    displayFields: () => displayFieldsOf(activeProfile(), parseDisplayChoices(settings.get('displayFields'))),
    faceMatch: () => faceMatchOf(activeProfile(), parseFaceMatchChoices(settings.get('faceMatch'))),
    close: () => {
      if (db.open) db.close();
    },
  };
}
