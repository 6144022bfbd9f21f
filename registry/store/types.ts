/**
 * The registry's storage contract. Two implementations: embedded SQLite (default, no setup) and
 * PostgreSQL (production). The ingest rules (idempotence, chain checks) live once in
 * ../ingest.ts and run inside `withTerminalLock`, which serialises one terminal's batches.
 */
import type { ChainFlag } from '../../core/registry-protocol/messages.ts';

export interface TerminalRow {
  readonly id: string;
  readonly name: string | null;
  /** Ed25519 SPKI DER, base64. */
  readonly publicKey: string;
  readonly enrolledAt: string;
  readonly revokedAt: string | null;
}

export interface StoredRecord {
  readonly id: string;
  readonly terminalId: string;
  readonly seq: number;
  readonly terminalTime: string;
  readonly receivedAt: string;
  readonly clockSkewMs: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly flags: ChainFlag[];
  /** The record JSON as the terminal sent it, with `personal` null in its place when the fields are sealed. */
  readonly payload: string;
  /** The record's personal fields, sealed with the data key (registry/personal-seal.ts); null when it has none. */
  readonly personal: Uint8Array | null;
  /** The record's face match as the terminal sent it (registry/face-match-ingest.ts), null when none has arrived. */
  readonly faceMatch: string | null;
}

/** A record as ingest stores it (its face match comes later, on its own). */
export type NewRecord = Omit<StoredRecord, 'faceMatch'>;

/** A stored face match: one per record, from the terminal that sent the record. */
export interface FaceMatchRow {
  readonly recordId: string;
  readonly terminalId: string;
  readonly receivedAt: string;
  readonly hash: string;
  readonly payload: string;
}

/** A record a face match names, with the local record hash its payload carries and the face match it already has. */
export interface FaceMatchTarget {
  readonly id: string;
  readonly terminalId: string;
  readonly payload: string;
  readonly faceMatchHash: string | null;
}

export interface ChainFlagRow {
  readonly terminalId: string;
  readonly recordId: string;
  readonly seq: number;
  readonly kind: ChainFlag;
  readonly detail: string;
  readonly flaggedAt: string;
  readonly resolvedAt: string | null;
}

export interface TrustListRow {
  readonly version: number;
  readonly jws: string;
  readonly etag: string;
  readonly publishedAt: string;
}

/** A chain head a terminal reported (registry/chain-heads.ts), with its signature as evidence. */
export interface ChainHeadRow {
  readonly terminalId: string;
  readonly seq: number;
  readonly recordId: string | null;
  readonly hash: string;
  readonly auditSeq: number;
  readonly auditMac: string;
  /** The face-match chain's end; null in heads from terminals that do not report it. */
  readonly faceMatchSeq: number | null;
  readonly faceMatchMac: string | null;
  readonly terminalTime: string;
  readonly receivedAt: string;
  /** Base64 signature over the head's canonical JSON (core/registry-protocol/chain-head.ts). */
  readonly signature: string;
}

/** Reads and writes of one terminal's chain, inside that terminal's lock and one transaction. */
export interface ChainTx {
  /** The stored records among these ids, of any terminal. */
  findRecords(ids: readonly string[]): Promise<Pick<StoredRecord, 'id' | 'terminalId' | 'hash'>[]>;
  /** This terminal's stored records with these sequence numbers. */
  findBySeqs(terminalId: string, seqs: readonly number[]): Promise<Pick<StoredRecord, 'id' | 'seq' | 'hash' | 'prevHash' | 'terminalTime'>[]>;
  insertRecords(records: readonly NewRecord[]): Promise<void>;
  /** The stored records among these ids, of any terminal, each with the hash of its face match if it has one. */
  faceMatchTargets(ids: readonly string[]): Promise<FaceMatchTarget[]>;
  insertFaceMatches(rows: readonly FaceMatchRow[]): Promise<void>;
  addFlags(flags: readonly Omit<ChainFlagRow, 'resolvedAt'>[]): Promise<void>;
  /** Marks open flags of this kind on these records resolved. */
  resolveFlags(recordIds: readonly string[], kind: ChainFlag, at: string): Promise<void>;
  /** The payloads this terminal sent with this sequence number (more than one after a fork). */
  payloadsAt(terminalId: string, seq: number): Promise<string[]>;
  /** The head this terminal reported last. */
  lastHead(terminalId: string): Promise<ChainHeadRow | undefined>;
  insertHead(head: ChainHeadRow): Promise<void>;
}

export interface RecordQuery {
  readonly terminalId?: string;
  /** Received at or after this ISO 8601 time. */
  readonly since?: string;
  readonly limit: number;
}

export interface RegistryStore {
  readonly kind: 'sqlite' | 'postgres';
  getSetting(key: string): Promise<string | undefined>;
  /** Stores value unless the key exists; returns the value that is stored (first writer wins). */
  setSettingIfAbsent(key: string, value: string): Promise<string>;
  setSetting(key: string, value: string): Promise<void>;
  deleteSetting(key: string): Promise<void>;
  /**
   * After secrets left the database: SQLite (secure_delete on) checkpoints and truncates its WAL
   * so no old page keeps them; PostgreSQL leaves dead tuples to VACUUM (registry/README.md).
   */
  forgetDeleted(): Promise<void>;

  createEnrolmentCode(codeHash: string, createdAt: string, expiresAt: string): Promise<void>;
  /** Atomically marks an unused, unexpired code used by `terminalId`; false if there is none. */
  consumeEnrolmentCode(codeHash: string, now: string, terminal: TerminalRow): Promise<boolean>;

  getTerminal(id: string): Promise<TerminalRow | undefined>;
  listTerminals(): Promise<TerminalRow[]>;
  revokeTerminal(id: string, at: string): Promise<boolean>;

  /** Remembers a request nonce; false when it was already used (a replay). */
  useNonce(terminalId: string, nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean>;

  withTerminalLock<T>(terminalId: string, work: (tx: ChainTx) => Promise<T>): Promise<T>;
  /** Records with their face match, if any. */
  queryRecords(query: RecordQuery): Promise<StoredRecord[]>;
  /** Records with no sealed personal fields whose payload may carry them in clear (an older registry's), by id after `afterId`. */
  listUnsealed(afterId: string, limit: number): Promise<StoredRecord[]>;
  sealRecord(id: string, payload: string, personal: Uint8Array): Promise<void>;
  listFlags(terminalId?: string): Promise<ChainFlagRow[]>;

  latestTrustList(): Promise<TrustListRow | undefined>;
  /** Fails if `version` exists (two admins publishing at once: one wins, the other retries). */
  insertTrustList(row: TrustListRow): Promise<void>;

  /** Liveness of the storage itself, for /v1/health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
