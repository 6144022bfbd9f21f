/**
 * Versioned schema migrations, run at open. PRAGMA user_version holds the version; each step runs
 * in its own transaction with its version bump, so a crash mid-upgrade leaves the previous
 * version intact. Steps that fill new tables from existing records decrypt them with the cipher.
 */
import type Database from 'better-sqlite3';
import type { FieldCipher } from './field-cipher.ts';
import { decodeRecord, RECORD_COLUMNS, type RecordRow } from './record-row.ts';
import { GENESIS_HASH } from '../registry-protocol/record-chain.ts';
import { chainedRegistryPayload, SYNC_HEAD } from './registry-payload.ts';
import { parseCustomProfiles, resolveProfile, type PurposeProfile } from './profiles.ts';
import { storeError } from './errors.ts';
import { auditLinkData, GENESIS_MAC, personalHash } from './chain.ts';
import { FACE_MATCH_HEAD, faceMatchHead, linkFaceMatch, type FaceMatchLink } from './face-matches.ts';

type Db = Database.Database;

export interface MigrationContext {
  readonly cipher: FieldCipher;
}

interface Migration {
  readonly version: number;
  readonly description: string;
  up(db: Db, ctx: MigrationContext): void;
}

/** Profile lookup for backfills; a record whose profile is gone sends no personal fields. */
function profileLookup(db: Db): (name: string) => PurposeProfile | undefined {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'purposeProfiles'").get() as { value: string } | undefined;
  const custom = parseCustomProfiles(row?.value);
  return (name) => {
    try {
      return resolveProfile(name, custom);
    } catch {
      return undefined;
    }
  };
}

/**
 * Rows still holding personal data, in chain order, for backfills. Read in pages: a connection
 * cannot write while a statement on it is still iterating.
 */
function* liveRecords(db: Db, columns: string): Generator<RecordRow> {
  const page = db.prepare(`SELECT ${columns} FROM records WHERE purged_at IS NULL AND seq > ? ORDER BY seq LIMIT 500`);
  let after = -1;
  for (;;) {
    const rows = page.all(after) as RecordRow[];
    yield* rows;
    if (rows.length < 500) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'records with hash chain, settings, meta',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE records (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          terminal_id TEXT NOT NULL,
          operator TEXT NOT NULL,
          purpose TEXT NOT NULL,
          document_type TEXT,
          issuing_state TEXT,
          verdict TEXT NOT NULL,
          details TEXT NOT NULL,
          csca_id TEXT,
          ds_id TEXT,
          retain_until TEXT NOT NULL,
          personal_hash BLOB NOT NULL,
          personal BLOB,
          id_hash BLOB,
          purged_at TEXT,
          prev_hash BLOB NOT NULL,
          hash BLOB NOT NULL
        ) STRICT;
        CREATE INDEX records_created ON records(created_at);
      `);
    },
  },
  {
    version: 2,
    description: 'operators with scrypt PINs and lock-out',
    up(db) {
      db.exec(`
        CREATE TABLE operators (
          name TEXT PRIMARY KEY COLLATE NOCASE,
          role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
          pin_salt BLOB NOT NULL,
          pin_hash BLOB NOT NULL,
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_until INTEGER,
          created_at TEXT NOT NULL,
          disabled INTEGER NOT NULL DEFAULT 0
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    description: 'sync outbox (filled from existing records) and synced_at',
    up(db, { cipher }) {
      db.exec(`
        CREATE TABLE outbox (
          record_id TEXT PRIMARY KEY,
          seq INTEGER NOT NULL UNIQUE,
          payload BLOB NOT NULL,
          created_at TEXT NOT NULL,
          leased_until INTEGER
        ) STRICT;
        ALTER TABLE records ADD COLUMN synced_at TEXT;
      `);
      const profileOf = profileLookup(db);
      const insert = db.prepare('INSERT INTO outbox (record_id, seq, payload, created_at) VALUES (?, ?, ?, ?)');
      let prev = GENESIS_HASH;
      for (const row of liveRecords(db, RECORD_COLUMNS)) {
        const record = decodeRecord(row, cipher);
        const sync = chainedRegistryPayload(record, profileOf(record.purpose), prev);
        insert.run(row.id, row.seq, cipher.sealText(outboxAad(row.id), sync.payload), row.created_at);
        prev = sync.hash;
      }
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SYNC_HEAD, prev);
    },
  },
  {
    version: 4,
    description: 'search indexes: ID-number hash, verdict, name tokens (filled from existing records)',
    up(db, { cipher }) {
      db.exec(`
        CREATE TABLE name_tokens (token BLOB NOT NULL, seq INTEGER NOT NULL REFERENCES records(seq) ON DELETE CASCADE, PRIMARY KEY (token, seq)) STRICT, WITHOUT ROWID;
        CREATE INDEX name_tokens_seq ON name_tokens(seq);
        CREATE INDEX records_id_hash ON records(id_hash) WHERE id_hash IS NOT NULL;
        CREATE INDEX records_verdict ON records(verdict, seq);
      `);
      const insert = db.prepare('INSERT OR IGNORE INTO name_tokens (token, seq) VALUES (?, ?)');
      for (const row of liveRecords(db, 'id, seq, personal')) {
        const name = decodeName(cipher, row);
        if (name) for (const t of cipher.nameTokens(name)) insert.run(t, row.seq);
      }
    },
  },
  {
    version: 5,
    description: 'audit log of exports, purges, operator and settings changes',
    up(db) {
      db.exec(`
        CREATE TABLE audit_events (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 6,
    description: 'failed sign-ins counted per name, for unknown names as for accounts',
    up(db, { cipher }) {
      db.exec(`
        CREATE TABLE sign_in_failures (
          name_key BLOB PRIMARY KEY,
          failures INTEGER NOT NULL,
          locked_until INTEGER,
          last_failure INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
      `);
      const insert = db.prepare('INSERT INTO sign_in_failures (name_key, failures, locked_until, last_failure) VALUES (?, ?, ?, ?)');
      const rows = db.prepare('SELECT name, failed_attempts, locked_until FROM operators WHERE failed_attempts > 0 OR locked_until IS NOT NULL').all() as
        { name: string; failed_attempts: number; locked_until: number | null }[];
      for (const r of rows) insert.run(cipher.operatorNameKey(r.name), r.failed_attempts, r.locked_until, r.locked_until ?? Date.now());
      db.exec('ALTER TABLE operators DROP COLUMN failed_attempts; ALTER TABLE operators DROP COLUMN locked_until;');
    },
  },
  {
    version: 7,
    description: 'keyed links (HMAC under the data key) on the record chain and the audit log',
    up(db, { cipher }) {
      db.exec('ALTER TABLE records ADD COLUMN mac BLOB; ALTER TABLE audit_events ADD COLUMN mac BLOB;');
      // The keyed chains vouch for the database as it is now, from this version on (meta chain_keyed).
      let previous: Uint8Array = GENESIS_MAC;
      const setRecord = db.prepare('UPDATE records SET mac = ? WHERE seq = ?');
      for (const r of db.prepare('SELECT seq, hash FROM records ORDER BY seq').all() as { seq: number; hash: Uint8Array }[]) {
        previous = cipher.recordMac(previous, r.hash);
        setRecord.run(previous, r.seq);
      }
      previous = GENESIS_MAC;
      const setEvent = db.prepare('UPDATE audit_events SET mac = ? WHERE seq = ?');
      for (const e of db.prepare('SELECT seq, at, actor, action, detail FROM audit_events ORDER BY seq').all() as Parameters<typeof auditLinkData>[0][]) {
        previous = cipher.auditMac(previous, auditLinkData(e));
        setEvent.run(previous, e.seq);
      }
      db.prepare("INSERT INTO meta (key, value) VALUES ('chain_keyed', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(new Date().toISOString());
    },
  },
  {
    version: 8,
    description: 'integration clients (business applications on the local integration API)',
    up(db) {
      db.exec(`
        CREATE TABLE integration_clients (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          origins TEXT NOT NULL,
          scopes TEXT NOT NULL,
          secret_hash BLOB NOT NULL,
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          revoked_at TEXT,
          revoked_by TEXT
        ) STRICT;
      `);
    },
  },
  {
    version: 9,
    description: 'search by the last 4 to 6 digits of the ID number (tokens filled from existing records)',
    up(db, { cipher }) {
      const insert = db.prepare('INSERT OR IGNORE INTO name_tokens (token, seq) VALUES (?, ?)');
      for (const row of liveRecords(db, 'id, seq, personal')) {
        const idNumber = decodePersonal(cipher, row)?.idNumber;
        if (typeof idNumber === 'string') for (const t of cipher.idTailTokens(idNumber)) insert.run(t, row.seq);
      }
    },
  },
  {
    version: 10,
    description: 'face match at the counter: decision, score, threshold, model, active check and the teller\'s conclusion per record (never a picture)',
    up(db) {
      db.exec(`
        CREATE TABLE face_matches (
          record_id TEXT PRIMARY KEY REFERENCES records(id),
          created_at TEXT NOT NULL,
          operator TEXT NOT NULL,
          details TEXT NOT NULL,
          reason BLOB
        ) STRICT;
      `);
    },
  },
  {
    version: 11,
    description: 'face matches chained (seq, hash, keyed link, head) and sent to the registry after their record (synced_at, lease); existing ones chained and queued',
    up(db, { cipher }) {
      db.exec(`
        ALTER TABLE face_matches ADD COLUMN seq INTEGER;
        ALTER TABLE face_matches ADD COLUMN hash BLOB;
        ALTER TABLE face_matches ADD COLUMN mac BLOB;
        ALTER TABLE face_matches ADD COLUMN synced_at TEXT;
        ALTER TABLE face_matches ADD COLUMN leased_until INTEGER;
      `);
      const rows = db.prepare('SELECT record_id, created_at, operator, details, reason FROM face_matches ORDER BY rowid').all() as FaceMatchRowV10[];
      const update = db.prepare('UPDATE face_matches SET seq = ?, hash = ?, mac = ? WHERE record_id = ?');
      let last: FaceMatchLink | undefined;
      rows.forEach(({ reason, ...row }, i) => {
        last = linkFaceMatch(cipher, last, { ...row, seq: i + 1, reason_hash: personalHash(reason) });
        update.run(i + 1, last.hash, last.mac, row.record_id);
      });
      if (last) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(FACE_MATCH_HEAD, faceMatchHead(rows.length, last.hash));
      db.exec('CREATE UNIQUE INDEX face_matches_seq ON face_matches(seq)');
    },
  },
  {
    version: 12,
    description: "the hash of the teller's words about a face match in its own column, so the words can be purged with the record's personal fields and the chain stays checkable",
    up(db) {
      db.exec('ALTER TABLE face_matches ADD COLUMN reason_hash BLOB');
      const update = db.prepare('UPDATE face_matches SET reason_hash = ? WHERE record_id = ?');
      for (const row of db.prepare('SELECT record_id, reason FROM face_matches').all() as Pick<FaceMatchRowV10, 'record_id' | 'reason'>[]) {
        update.run(personalHash(row.reason), row.record_id);
      }
    },
  },
];

/** A `face_matches` row as schema 10 kept it. */
interface FaceMatchRowV10 {
  readonly record_id: string;
  readonly created_at: string;
  readonly operator: string;
  readonly details: string;
  readonly reason: Uint8Array | null;
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** AAD of an outbox payload, distinct from the record's own so the two blobs cannot be swapped. */
export function outboxAad(recordId: string): string {
  return `outbox/${recordId}`;
}

function decodePersonal(cipher: FieldCipher, row: Pick<RecordRow, 'id' | 'personal'>): Record<string, unknown> | undefined {
  return row.personal === null ? undefined : (cipher.open(row.id, row.personal) as Record<string, unknown>);
}

function decodeName(cipher: FieldCipher, row: Pick<RecordRow, 'id' | 'personal'>): string | undefined {
  const fullName = decodePersonal(cipher, row)?.fullName;
  return typeof fullName === 'string' ? fullName : undefined;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database to `target` (default: latest). Returns the versions applied. */
export function migrate(db: Db, ctx: MigrationContext, target: number = LATEST_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw storeError('STORE_SCHEMA_TOO_NEW', `database version ${current}, software ${LATEST_VERSION}`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    try {
      db.transaction(() => {
        m.up(db, ctx);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (e) {
      throw storeError('STORE_MIGRATION_FAILED', `step ${m.version}: ${m.description}`, e);
    }
    applied.push(m.version);
  }
  return applied;
}
