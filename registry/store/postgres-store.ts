/**
 * PostgreSQL registry store (production). Migrations run under an advisory lock so several API
 * nodes can start at once; a terminal's batches are serialised by `SELECT ... FOR UPDATE` on its
 * row, so batches of different terminals proceed in parallel.
 */
import pg from 'pg';
import type { ChainFlag } from '../../core/registry-protocol/messages.ts';
import { loadMigrations } from './migrations.ts';
import { flagFromRow, headFromRow, recordFromRow, RECORDS_WITH_FACE_MATCH, terminalFromRow, type RecordDbRow } from './rows.ts';
import type { ChainFlagRow, ChainTx, FaceMatchRow, NewRecord, RecordQuery, RegistryStore, StoredRecord, TerminalRow, TrustListRow } from './types.ts';

const MIGRATION_LOCK = 7_274_201;

export class PostgresRegistryStore implements RegistryStore {
  readonly kind = 'postgres' as const;
  private nonceInserts = 0;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, poolSize = 10): Promise<PostgresRegistryStore> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    pool.on('error', () => undefined); // an idle client's broken connection is replaced on next use
    const store = new PostgresRegistryStore(pool);
    try {
      await store.migrate();
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      const applied = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of loadMigrations('postgres')) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async getSetting(key: string): Promise<string | undefined> {
    return (await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key])).rows[0]?.value;
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    return (await this.getSetting(key))!;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async deleteSetting(key: string): Promise<void> {
    await this.pool.query('DELETE FROM settings WHERE key = $1', [key]);
  }

  async forgetDeleted(): Promise<void> {
    // Dead tuples go with VACUUM, which cannot run inside the migration's transaction: see registry/README.md.
  }

  async createEnrolmentCode(codeHash: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.pool.query('INSERT INTO enrolment_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)', [codeHash, createdAt, expiresAt]);
  }

  async consumeEnrolmentCode(codeHash: string, now: string, t: TerminalRow): Promise<boolean> {
    return this.tx(async (c) => {
      const used = await c.query('UPDATE enrolment_codes SET used_at = $1, terminal_id = $2 WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1',
        [now, t.id, codeHash]);
      if (used.rowCount !== 1) return false;
      await c.query('INSERT INTO terminals (id, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4)', [t.id, t.name, t.publicKey, t.enrolledAt]);
      return true;
    });
  }

  async getTerminal(id: string): Promise<TerminalRow | undefined> {
    const r = (await this.pool.query('SELECT * FROM terminals WHERE id = $1', [id])).rows[0] as Record<string, unknown> | undefined;
    return r ? terminalFromRow(r) : undefined;
  }

  async listTerminals(): Promise<TerminalRow[]> {
    return (await this.pool.query('SELECT * FROM terminals ORDER BY enrolled_at')).rows.map(terminalFromRow);
  }

  async revokeTerminal(id: string, at: string): Promise<boolean> {
    return (await this.pool.query('UPDATE terminals SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount === 1;
  }

  async useNonce(terminalId: string, nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    if (++this.nonceInserts % 1000 === 0) await this.pool.query('DELETE FROM nonces WHERE expires_at < $1', [nowMs]);
    const r = await this.pool.query('INSERT INTO nonces (terminal_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [terminalId, nonce, expiresAtMs]);
    return r.rowCount === 1;
  }

  withTerminalLock<T>(terminalId: string, work: (tx: ChainTx) => Promise<T>): Promise<T> {
    return this.tx(async (c) => {
      await c.query('SELECT id FROM terminals WHERE id = $1 FOR UPDATE', [terminalId]);
      return work(chainTx(c));
    });
  }

  async queryRecords(q: RecordQuery): Promise<StoredRecord[]> {
    const since = q.since === undefined ? new Date(0) : new Date(q.since);
    const r = q.terminalId
      ? await this.pool.query(`${RECORDS_WITH_FACE_MATCH} WHERE records.terminal_id = $1 AND records.received_at >= $2 ORDER BY seq LIMIT $3`, [q.terminalId, since, q.limit])
      : await this.pool.query(`${RECORDS_WITH_FACE_MATCH} WHERE records.received_at >= $1 ORDER BY records.received_at, records.terminal_id, seq LIMIT $2`, [since, q.limit]);
    return (r.rows as RecordDbRow[]).map(recordFromRow);
  }

  async listUnsealed(afterId: string, limit: number): Promise<StoredRecord[]> {
    const r = await this.pool.query(`SELECT * FROM records WHERE personal IS NULL AND id > $1 AND payload LIKE '%"personal":{%' ORDER BY id LIMIT $2`, [afterId, limit]);
    return (r.rows as RecordDbRow[]).map(recordFromRow);
  }

  async sealRecord(id: string, payload: string, personal: Uint8Array): Promise<void> {
    await this.pool.query('UPDATE records SET payload = $1, personal = $2 WHERE id = $3', [payload, Buffer.from(personal), id]);
  }

  async listFlags(terminalId?: string): Promise<ChainFlagRow[]> {
    const r = terminalId
      ? await this.pool.query('SELECT * FROM chain_flags WHERE terminal_id = $1 ORDER BY seq, id', [terminalId])
      : await this.pool.query('SELECT * FROM chain_flags ORDER BY terminal_id, seq, id');
    return r.rows.map(flagFromRow);
  }

  async latestTrustList(): Promise<TrustListRow | undefined> {
    const r = (await this.pool.query('SELECT * FROM trust_lists ORDER BY version DESC LIMIT 1')).rows[0] as Record<string, unknown> | undefined;
    return r && { version: Number(r.version), jws: String(r.jws), etag: String(r.etag), publishedAt: (r.published_at as Date).toISOString() };
  }

  async insertTrustList(row: TrustListRow): Promise<void> {
    await this.pool.query('INSERT INTO trust_lists (version, jws, etag, published_at) VALUES ($1, $2, $3, $4)', [row.version, row.jws, row.etag, row.publishedAt]);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Each call is one statement over arrays (unnest), whatever the batch size. */
function chainTx(c: pg.PoolClient): ChainTx {
  return {
    async findRecords(ids) {
      if (ids.length === 0) return [];
      const rows = (await c.query<{ id: string; terminal_id: string; hash: string }>(
        'SELECT id, terminal_id, hash FROM records WHERE id = ANY($1::text[])', [ids])).rows;
      return rows.map((r) => ({ id: r.id, terminalId: r.terminal_id, hash: r.hash }));
    },
    async findBySeqs(terminalId, seqs) {
      if (seqs.length === 0) return [];
      const rows = (await c.query<{ id: string; seq: string; hash: string; prev_hash: string; terminal_time: string }>(
        'SELECT id, seq, hash, prev_hash, terminal_time FROM records WHERE terminal_id = $1 AND seq = ANY($2::bigint[])', [terminalId, seqs])).rows;
      return rows.map((r) => ({ id: r.id, seq: Number(r.seq), hash: r.hash, prevHash: r.prev_hash, terminalTime: r.terminal_time }));
    },
    async insertRecords(records) {
      if (records.length === 0) return;
      const col = <K extends keyof NewRecord>(k: K) => records.map((r) => r[k]);
      await c.query(`INSERT INTO records (id, terminal_id, seq, terminal_time, received_at, clock_skew_ms, prev_hash, hash, flags, payload, personal)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bytea[])`,
      [col('id'), col('terminalId'), col('seq'), col('terminalTime'), col('receivedAt'), col('clockSkewMs'), col('prevHash'), col('hash'),
        records.map((r) => JSON.stringify(r.flags)), col('payload'), records.map((r) => (r.personal ? Buffer.from(r.personal) : null))]);
    },
    async faceMatchTargets(ids) {
      if (ids.length === 0) return [];
      const rows = (await c.query<{ id: string; terminal_id: string; payload: string; face_match_hash: string | null }>(
        `SELECT records.id, records.terminal_id, records.payload, face_matches.hash AS face_match_hash
         FROM records LEFT JOIN face_matches ON face_matches.record_id = records.id WHERE records.id = ANY($1::text[])`, [ids])).rows;
      return rows.map((r) => ({ id: r.id, terminalId: r.terminal_id, payload: r.payload, faceMatchHash: r.face_match_hash }));
    },
    async insertFaceMatches(rows) {
      if (rows.length === 0) return;
      const col = <K extends keyof FaceMatchRow>(k: K) => rows.map((r) => r[k]);
      await c.query(`INSERT INTO face_matches (record_id, terminal_id, received_at, hash, payload)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])`,
      [col('recordId'), col('terminalId'), col('receivedAt'), col('hash'), col('payload')]);
    },
    async addFlags(flags) {
      if (flags.length === 0) return;
      await c.query(`INSERT INTO chain_flags (terminal_id, record_id, seq, kind, detail, flagged_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[])`,
      [flags.map((f) => f.terminalId), flags.map((f) => f.recordId), flags.map((f) => f.seq), flags.map((f) => f.kind),
        flags.map((f) => f.detail), flags.map((f) => f.flaggedAt)]);
    },
    async resolveFlags(recordIds, kind: ChainFlag, at) {
      if (recordIds.length === 0) return;
      await c.query('UPDATE chain_flags SET resolved_at = $1 WHERE record_id = ANY($2::text[]) AND kind = $3 AND resolved_at IS NULL', [at, recordIds, kind]);
    },
    async payloadsAt(terminalId, seq) {
      return (await c.query<{ payload: string }>('SELECT payload FROM records WHERE terminal_id = $1 AND seq = $2', [terminalId, seq])).rows.map((r) => r.payload);
    },
    async lastHead(terminalId) {
      const r = (await c.query('SELECT * FROM chain_heads WHERE terminal_id = $1 ORDER BY id DESC LIMIT 1', [terminalId])).rows[0] as Record<string, unknown> | undefined;
      return r ? headFromRow(r) : undefined;
    },
    async insertHead(h) {
      await c.query(`INSERT INTO chain_heads (terminal_id, seq, record_id, hash, audit_seq, audit_mac, face_match_seq, face_match_mac, terminal_time, received_at, signature)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [h.terminalId, h.seq, h.recordId, h.hash, h.auditSeq, h.auditMac, h.faceMatchSeq, h.faceMatchMac, h.terminalTime, h.receivedAt, h.signature]);
    },
  };
}
