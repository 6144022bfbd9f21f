/** What the status bar shows about sync (TerminalApi exposes it; see core/terminal). */
export type Connectivity = 'online' | 'offline' | 'unknown';

export interface SyncStatus {
  readonly enrolled: boolean;
  readonly connectivity: Connectivity;
  /** Records waiting for the registry's acknowledgement. */
  readonly pending: number;
  /** Records the registry rejected (kept, retried rarely; an administrator must look). */
  readonly rejected: number;
  readonly lastSyncAt: string | null;
  /** Stable code of the last failure (REGISTRY_UNREACHABLE, TERMINAL_REVOKED ...), null after a success. */
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly trustListVersion: number | null;
}
