/**
 * Appends verification records: one transaction writes the record (chained to the previous one),
 * its name-search tokens, its outbox entry for sync and the chain head. When `write` returns, the
 * record is durable (WAL + synchronous=FULL), so callers may report the verification as done.
 */
import type Database from 'better-sqlite3';
import { v7 as uuidv7, validate as isUuid, version as uuidVersion } from 'uuid';
import { VerificationResultSchema } from '../api/verification.ts';
import { extractPersonalData, pickFields, type PersonalData } from './personal-fields.ts';
import { parseCustomProfiles, resolveProfile, DEFAULT_PROFILE, type PurposeProfile } from './profiles.ts';
import type { FieldCipher } from './field-cipher.ts';
import type { SettingsTable } from './settings.ts';
import { GENESIS_MAC, personalHash, recordHash } from './chain.ts';
import { storedWarnings, type Details, type RecordRow } from './record-row.ts';
import { chainedRegistryPayload, SYNC_HEAD } from './registry-payload.ts';
import { outboxAad } from './migrations.ts';
import type { ProtocolDetails, RecordInput, RecordRef, StoredRecord } from './record-types.ts';
import { storeError } from './errors.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { GENESIS_HASH } from '../registry-protocol/record-chain.ts';

const DAY_MS = 86_400_000;
const CHAIN_HEAD = 'chain_head';

/** Everything about a record that does not depend on its place in the chain. */
interface PreparedRecord {
  readonly row: Omit<RecordRow, 'seq' | 'prev_hash' | 'hash' | 'synced_at' | 'purged_at'>;
  readonly details: Details;
  readonly verdict: StoredRecord['verdict'];
  readonly personal: PersonalData | null;
  readonly nameTokens: Uint8Array[];
  readonly profile: PurposeProfile;
}

interface Lookups {
  readonly terminalId: string | undefined;
  readonly defaultPurpose: string;
  profile(name: string): PurposeProfile;
  operatorAllowed(name: string): boolean;
}

export class RecordWriter {
  readonly #db: Database.Database;
  readonly #cipher: FieldCipher;
  readonly #settings: SettingsTable;
  readonly #now: () => Date;
  readonly #lastRecord: Database.Statement<[], { seq: number; hash: Uint8Array; mac: Uint8Array | null }>;
  readonly #insertRecord: Database.Statement;
  readonly #insertToken: Database.Statement;
  readonly #insertOutbox: Database.Statement;
  readonly #setMeta: Database.Statement<[string, string]>;
  readonly #getMeta: Database.Statement<[string], { value: string }>;
  readonly #operatorCount: Database.Statement<[], { n: number }>;
  readonly #operatorActive: Database.Statement<[string], { disabled: number }>;

  constructor(db: Database.Database, cipher: FieldCipher, settings: SettingsTable, now: () => Date) {
    this.#db = db;
    this.#cipher = cipher;
    this.#settings = settings;
    this.#now = now;
    this.#lastRecord = db.prepare('SELECT seq, hash, mac FROM records ORDER BY seq DESC LIMIT 1');
    this.#insertRecord = db.prepare(`INSERT INTO records (seq, id, created_at, terminal_id, operator, purpose, document_type,
      issuing_state, verdict, details, csca_id, ds_id, retain_until, personal_hash, personal, id_hash, prev_hash, hash, mac)
      VALUES (@seq, @id, @created_at, @terminal_id, @operator, @purpose, @document_type, @issuing_state, @verdict, @details,
      @csca_id, @ds_id, @retain_until, @personal_hash, @personal, @id_hash, @prev_hash, @hash, @mac)`);
    this.#insertToken = db.prepare('INSERT OR IGNORE INTO name_tokens (token, seq) VALUES (?, ?)');
    this.#insertOutbox = db.prepare('INSERT INTO outbox (record_id, seq, payload, created_at) VALUES (?, ?, ?, ?)');
    this.#setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.#getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.#operatorCount = db.prepare('SELECT count(*) AS n FROM operators');
    this.#operatorActive = db.prepare('SELECT disabled FROM operators WHERE name = ?');
  }

  /** Stores one verification durably; returns its id, sequence number and chain hash. */
  write(input: RecordInput): RecordRef {
    const prepared = this.#prepare(input, this.#lookups());
    return this.#db.transaction(() => this.#append(prepared)).immediate();
  }

  /** Stores many verifications in one transaction (all or none): the fast path for imports. */
  writeMany(inputs: readonly RecordInput[]): RecordRef[] {
    const lookups = this.#lookups();
    const prepared = inputs.map((i) => this.#prepare(i, lookups));
    return this.#db.transaction(() => prepared.map((p) => this.#append(p))).immediate();
  }

  /** Settings, profiles and operators read once per call rather than once per record. */
  #lookups(): Lookups {
    const custom = parseCustomProfiles(this.#settings.get('purposeProfiles'));
    const profiles = new Map<string, PurposeProfile>();
    const operators = new Map<string, boolean>();
    const anyOperator = this.#operatorCount.get()!.n > 0;
    return {
      terminalId: this.#settings.get('terminalId'),
      defaultPurpose: this.#settings.get('purposeProfile') ?? DEFAULT_PROFILE,
      profile: (name) => {
        let p = profiles.get(name);
        if (!p) profiles.set(name, (p = resolveProfile(name, custom)));
        return p;
      },
      // Every record names an operator; once operators exist, it must be an active one.
      operatorAllowed: (name) => {
        if (!anyOperator) return true;
        let ok = operators.get(name);
        if (ok === undefined) {
          const row = this.#operatorActive.get(name);
          operators.set(name, (ok = row !== undefined && row.disabled === 0));
        }
        return ok;
      },
    };
  }

  #prepare({ result, context }: RecordInput, lookups: Lookups): PreparedRecord {
    const parsed = VerificationResultSchema.safeParse(result);
    if (!parsed.success) throw storeError('RECORD_INVALID', `verification result: ${parsed.error.issues[0]?.path.join('.')}`);
    const operator = context.operator?.trim();
    if (!operator) throw storeError('RECORD_INVALID', 'operator missing');
    if (!lookups.operatorAllowed(operator)) throw storeError('RECORD_INVALID', 'operator is not an active operator');
    // UUIDv7 (RFC 9562), made here so the registry can store each record once; ids sort by time.
    const id = context.id ?? uuidv7();
    // Ids are compared as text, here and at the registry: one spelling per id, the lowercase one.
    if (!isUuid(id) || uuidVersion(id) !== 7 || id !== id.toLowerCase()) throw storeError('RECORD_INVALID', 'id is not a UUIDv7');
    const created = context.createdAt ?? this.#now();
    if (Number.isNaN(created.getTime())) throw storeError('RECORD_INVALID', 'time');
    const terminalId = context.terminalId ?? lookups.terminalId;
    if (!terminalId) throw storeError('RECORD_INVALID', 'terminal id missing');
    const profile = lookups.profile(context.purpose ?? lookups.defaultPurpose);

    const doc = parsed.data.document;
    const kept = doc ? pickFields(extractPersonalData(doc, context.faceImage), profile.keep) : {};
    const personal = Object.keys(kept).length > 0 ? kept : null;
    const sealed = personal ? this.#cipher.seal(id, personal) : null;
    const details: Details = {
      warnings: parsed.data.warnings,
      checks: parsed.data.checks,
      protocol: { ...(context.protocol ?? {}) },
      stats: parsed.data.stats,
    };
    return {
      row: {
        id,
        created_at: created.toISOString(),
        terminal_id: terminalId,
        operator,
        purpose: profile.name,
        document_type: doc?.documentCode ?? null,
        issuing_state: doc?.issuingState ?? null,
        verdict: parsed.data.verdict,
        details: JSON.stringify(details),
        csca_id: context.cscaId ?? parsed.data.checks.certificateChain.csca ?? null,
        ds_id: context.dsId ?? null,
        retain_until: new Date(created.getTime() + profile.retentionDays * DAY_MS).toISOString(),
        personal_hash: personalHash(sealed),
        personal: sealed,
        id_hash: personal?.idNumber ? this.#cipher.idHash(personal.idNumber) : null,
      },
      details,
      verdict: parsed.data.verdict,
      personal,
      nameTokens: personal?.fullName ? this.#cipher.nameTokens(personal.fullName) : [],
      profile,
    };
  }

  /** Inside the write transaction: link to the chain head, insert, enqueue for sync. */
  #append(p: PreparedRecord): RecordRef {
    const last = this.#lastRecord.get();
    // The first record is number 0 and links to the genesis hash, as the sync protocol expects.
    const seq = last === undefined ? 0 : last.seq + 1;
    const prev = last?.hash ?? fromHex(GENESIS_HASH);
    const chained = { ...p.row, seq };
    const hash = recordHash(prev, chained);
    const row: RecordRow = { ...chained, prev_hash: prev, hash, purged_at: null, synced_at: null };
    this.#insertRecord.run({ ...row, mac: this.#cipher.recordMac(last?.mac ?? GENESIS_MAC, hash) });
    for (const t of p.nameTokens) this.#insertToken.run(t, seq);
    const hashHex = toHex(hash).toLowerCase();
    const syncPrev = this.#getMeta.get(SYNC_HEAD)?.value ?? GENESIS_HASH;
    const sync = chainedRegistryPayload(this.#asStored(row, p, hashHex), p.profile, syncPrev);
    this.#insertOutbox.run(row.id, seq, this.#cipher.sealText(outboxAad(row.id), sync.payload), row.created_at);
    this.#setMeta.run(CHAIN_HEAD, `${seq}:${hashHex}`);
    this.#setMeta.run(SYNC_HEAD, sync.hash);
    return { id: row.id, seq, hash: hashHex };
  }

  /** The record as queries would return it, built from what is already in hand (no re-parse). */
  #asStored(row: RecordRow, p: PreparedRecord, hashHex: string): StoredRecord {
    return {
      id: row.id, seq: row.seq, createdAt: row.created_at, terminalId: row.terminal_id, operator: row.operator,
      purpose: row.purpose, documentType: row.document_type, issuingState: row.issuing_state, verdict: p.verdict,
      warnings: storedWarnings(p.details.warnings), checks: p.details.checks, protocol: p.details.protocol as ProtocolDetails,
      stats: p.details.stats, cscaId: row.csca_id, dsId: row.ds_id, personal: p.personal, retainUntil: row.retain_until,
      purgedAt: null, syncedAt: null, prevHash: toHex(row.prev_hash).toLowerCase(), hash: hashHex,
    };
  }
}

export { CHAIN_HEAD };
