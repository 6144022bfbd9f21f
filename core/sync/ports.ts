import type { ChainHead } from '../registry-protocol/chain-head.ts';

/**
 * What the sync worker needs from the terminal's store (core/store implements these structurally
 * on `store.outbox` and `store.kv`). Kept this small so a test can supply an in-memory outbox.
 */
export interface OutboxEntry {
  id: string;
  seq: number;
  /** JSON of the record as sent to the registry. */
  payload: string;
  createdAt: string;
}

export interface OutboxPort {
  /** Oldest first, not yet acknowledged, not leased. */
  pending(limit: number): OutboxEntry[];
  /** Mark in flight so one record is never in two batches at once. */
  lease(ids: string[], untilMs: number): void;
  /** Mark synced (only these). */
  acknowledge(ids: string[]): void;
  /** Back to pending (failed batch). */
  release(ids: string[]): void;
  pendingCount(): number;
  /**
   * Where the store's record chain and audit log end, for the signed head the worker reports to
   * the registry (registry-protocol/chain-head.ts). Absent in stores that keep no chain.
   */
  chainHead?(): LocalChainHead;
}

/** The chain head as the store knows it; the worker adds the terminal id and the time, and signs. */
export type LocalChainHead = Omit<ChainHead, 'terminalId' | 'at'>;

export interface KeyValuePort {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}
