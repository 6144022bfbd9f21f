/** What the terminal needs from its registry connection (host/ builds it: the sync service). */
import type { SyncStatus } from '../sync/status.ts';

export interface RegistrySync {
  status(): SyncStatus;
  onStatus(listener: (s: SyncStatus) => void): () => void;
  /** A record was just stored: send it now rather than at the next poll. */
  wake(): void;
  enrol(url: string, code: string, name: string): Promise<{ readonly terminalId: string }>;
  stop(): Promise<void>;
}
