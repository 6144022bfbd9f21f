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
}

export interface KeyValuePort {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}
