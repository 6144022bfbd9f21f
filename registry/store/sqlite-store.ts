/**
 * Embedded registry store on better-sqlite3 (WAL). One connection; transactions that span awaits
 * (the ingest rules are async so both stores share them) are serialised by a promise queue.
 */
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { ensurePrivateDatabase, ensurePrivateDir } from '../../core/secrets/private-files.ts';
import { loadMigrations } from './migrations.ts';
import { flagFromRow, headFromRow, recordFromRow, RECORDS_WITH_FACE_MATCH, terminalFromRow, type RecordDbRow } from './rows.ts';
import type { ChainFlagRow, ChainTx, RecordQuery, RegistryStore, StoredRecord, TerminalRow, TrustListRow } from './types.ts';

export class SqliteRegistryStore implements RegistryStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private nonceInserts = 0;

  constructor(file: string) {
    if (file !== ':memory:') {
      // The folder 0700 and the files 0600 whatever the umask: records and keys are nobody else's.
      ensurePrivateDir(dirname(file));
      ensurePrivateDatabase(file);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Deleted and overwritten content is zeroed, not left in free pages (migrated keys, sealed fields).
    this.db.pragma('secure_delete = ON');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    for (const m of loadMigrations('sqlite')) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }).immediate();
    }
  }

  /** Runs `work` after every earlier queued transaction has finished. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async getSetting(key: string): Promise<string | undefined> {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
    return (await this.getSetting(key))!;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async deleteSetting(key: string): Promise<void> {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }

  async forgetDeleted(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async createEnrolmentCode(codeHash: string, createdAt: string, expiresAt: string): Promise<void> {
    this.db.prepare('INSERT INTO enrolment_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)').run(codeHash, createdAt, expiresAt);
  }

  async consumeEnrolmentCode(codeHash: string, now: string, t: TerminalRow): Promise<boolean> {
    return this.db.transaction(() => {
      const used = this.db.prepare('UPDATE enrolment_codes SET used_at = ?, terminal_id = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
        .run(now, t.id, codeHash, now);
      if (used.changes !== 1) return false;
      this.db.prepare('INSERT INTO terminals (id, name, public_key, enrolled_at, revoked_at) VALUES (?, ?, ?, ?, NULL)')
        .run(t.id, t.name, t.publicKey, t.enrolledAt);
      return true;
    }).immediate();
  }

  async getTerminal(id: string): Promise<TerminalRow | undefined> {
    const r = this.db.prepare('SELECT * FROM terminals WHERE id = ?').get(id) as Record<string, string | null> | undefined;
    return r ? terminalFromRow(r) : undefined;
  }

  async listTerminals(): Promise<TerminalRow[]> {
    return (this.db.prepare('SELECT * FROM terminals ORDER BY enrolled_at').all() as Record<string, string | null>[]).map(terminalFromRow);
  }

  async revokeTerminal(id: string, at: string): Promise<boolean> {
    return this.db.prepare('UPDATE terminals SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async useNonce(terminalId: string, nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    if (++this.nonceInserts % 1000 === 0) this.db.prepare('DELETE FROM nonces WHERE expires_at < ?').run(nowMs);
    return this.db.prepare('INSERT INTO nonces (terminal_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(terminalId, nonce, expiresAtMs).changes === 1;
  }

  withTerminalLock<T>(_terminalId: string, work: (tx: ChainTx) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.chainTx());
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  private chainTx(): ChainTx {
    const db = this.db;
    const byId = db.prepare('SELECT id, terminal_id, hash FROM records WHERE id = ?');
    const bySeq = db.prepare('SELECT id, seq, hash, prev_hash, terminal_time FROM records WHERE terminal_id = ? AND seq = ?');
    const insert = db.prepare(`INSERT INTO records (id, terminal_id, seq, terminal_time, received_at, clock_skew_ms, prev_hash, hash, flags, payload, personal)
      VALUES (@id, @terminalId, @seq, @terminalTime, @receivedAt, @clockSkewMs, @prevHash, @hash, @flags, @payload, @personal)`);
    const flag = db.prepare(`INSERT INTO chain_flags (terminal_id, record_id, seq, kind, detail, flagged_at)
      VALUES (@terminalId, @recordId, @seq, @kind, @detail, @flaggedAt)`);
    const resolve = db.prepare('UPDATE chain_flags SET resolved_at = ? WHERE record_id = ? AND kind = ? AND resolved_at IS NULL');
    const payloads = db.prepare('SELECT payload FROM records WHERE terminal_id = ? AND seq = ?');
    const target = db.prepare(`SELECT records.id, records.terminal_id, records.payload, face_matches.hash AS face_match_hash
      FROM records LEFT JOIN face_matches ON face_matches.record_id = records.id WHERE records.id = ?`);
    const insertFaceMatch = db.prepare(`INSERT INTO face_matches (record_id, terminal_id, received_at, hash, payload)
      VALUES (@recordId, @terminalId, @receivedAt, @hash, @payload)`);
    const lastHead = db.prepare('SELECT * FROM chain_heads WHERE terminal_id = ? ORDER BY id DESC LIMIT 1');
    const insertHead = db.prepare(`INSERT INTO chain_heads (terminal_id, seq, record_id, hash, audit_seq, audit_mac, face_match_seq, face_match_mac, terminal_time, received_at, signature)
      VALUES (@terminalId, @seq, @recordId, @hash, @auditSeq, @auditMac, @faceMatchSeq, @faceMatchMac, @terminalTime, @receivedAt, @signature)`);
    // Statements in-process cost microseconds: one per id is simpler than building IN lists.
    return {
      async findRecords(ids) {
        return ids.flatMap((id) => {
          const r = byId.get(id) as { id: string; terminal_id: string; hash: string } | undefined;
          return r ? [{ id: r.id, terminalId: r.terminal_id, hash: r.hash }] : [];
        });
      },
      async findBySeqs(terminalId, seqs) {
        return seqs.flatMap((seq) => (bySeq.all(terminalId, seq) as { id: string; seq: number; hash: string; prev_hash: string; terminal_time: string }[])
          .map((r) => ({ id: r.id, seq: Number(r.seq), hash: r.hash, prevHash: r.prev_hash, terminalTime: r.terminal_time })));
      },
      async insertRecords(records) {
        for (const rec of records) insert.run({ ...rec, flags: JSON.stringify(rec.flags) });
      },
      async faceMatchTargets(ids) {
        return ids.flatMap((id) => {
          const r = target.get(id) as { id: string; terminal_id: string; payload: string; face_match_hash: string | null } | undefined;
          return r ? [{ id: r.id, terminalId: r.terminal_id, payload: r.payload, faceMatchHash: r.face_match_hash }] : [];
        });
      },
      async insertFaceMatches(rows) {
        for (const row of rows) insertFaceMatch.run(row);
      },
      async addFlags(flags) {
        for (const f of flags) flag.run(f);
      },
      async resolveFlags(recordIds, kind, at) {
        for (const id of recordIds) resolve.run(at, id, kind);
      },
      async payloadsAt(terminalId, seq) {
        return (payloads.all(terminalId, seq) as { payload: string }[]).map((r) => r.payload);
      },
      async lastHead(terminalId) {
        const r = lastHead.get(terminalId) as Record<string, unknown> | undefined;
        return r ? headFromRow(r) : undefined;
      },
      async insertHead(head) {
        insertHead.run(head);
      },
    };
  }

  async queryRecords(q: RecordQuery): Promise<StoredRecord[]> {
    const since = q.since === undefined ? '' : new Date(q.since).toISOString();
    const rows = q.terminalId
      ? this.db.prepare(`${RECORDS_WITH_FACE_MATCH} WHERE records.terminal_id = ? AND records.received_at >= ? ORDER BY seq LIMIT ?`).all(q.terminalId, since, q.limit)
      : this.db.prepare(`${RECORDS_WITH_FACE_MATCH} WHERE records.received_at >= ? ORDER BY records.received_at, records.terminal_id, seq LIMIT ?`).all(since, q.limit);
    return (rows as RecordDbRow[]).map(recordFromRow);
  }

  async listUnsealed(afterId: string, limit: number): Promise<StoredRecord[]> {
    return (this.db.prepare(`SELECT * FROM records WHERE personal IS NULL AND id > ? AND payload LIKE '%"personal":{%' ORDER BY id LIMIT ?`)
      .all(afterId, limit) as RecordDbRow[]).map(recordFromRow);
  }

  async sealRecord(id: string, payload: string, personal: Uint8Array): Promise<void> {
    this.db.prepare('UPDATE records SET payload = ?, personal = ? WHERE id = ?').run(payload, personal, id);
  }

  async listFlags(terminalId?: string): Promise<ChainFlagRow[]> {
    const rows = terminalId
      ? this.db.prepare('SELECT * FROM chain_flags WHERE terminal_id = ? ORDER BY seq, id').all(terminalId)
      : this.db.prepare('SELECT * FROM chain_flags ORDER BY terminal_id, seq, id').all();
    return (rows as Record<string, string | number | null>[]).map(flagFromRow);
  }

  async latestTrustList(): Promise<TrustListRow | undefined> {
    const r = this.db.prepare('SELECT * FROM trust_lists ORDER BY version DESC LIMIT 1').get() as
      { version: number; jws: string; etag: string; published_at: string } | undefined;
    return r && { version: r.version, jws: r.jws, etag: r.etag, publishedAt: r.published_at };
  }

  async insertTrustList(row: TrustListRow): Promise<void> {
    this.db.prepare('INSERT INTO trust_lists (version, jws, etag, published_at) VALUES (?, ?, ?, ?)').run(row.version, row.jws, row.etag, row.publishedAt);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
