/** What the status bar shows about sync (TerminalApi's Status carries it; see core/terminal). */
import type { Status } from '../api/terminal-api.ts';
import type { KeyValuePort, OutboxPort } from './ports.ts';
import { currentTrustList } from './trust-list.ts';
import { isEnrolled } from './identity.ts';

export type Connectivity = 'online' | 'offline' | 'unknown';

export interface SyncStatus {
  readonly enrolled: boolean;
  readonly connectivity: Connectivity;
  /** Records and face matches waiting for the registry's acknowledgement. */
  readonly pending: number;
  /** Records the registry rejected (kept, retried rarely; an administrator must look). */
  readonly rejected: number;
  readonly lastSyncAt: string | null;
  /** Stable code of the last failure (REGISTRY_UNREACHABLE, TERMINAL_REVOKED ...), null after a success. */
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly trustListVersion: number | null;
  /** When the terminal adopted its current trust list from the registry. */
  readonly trustListUpdatedAt: string | null;
}

/** The status of a terminal whose worker is not running (not enrolled, or sync switched off). */
export function idleSyncStatus(outbox: OutboxPort, kv: KeyValuePort, faceMatches?: OutboxPort): SyncStatus {
  const list = currentTrustList(kv);
  return {
    enrolled: isEnrolled(kv),
    connectivity: 'unknown',
    pending: outbox.pendingCount() + (faceMatches?.pendingCount() ?? 0),
    rejected: 0,
    lastSyncAt: null,
    lastError: null,
    nextAttemptAt: null,
    trustListVersion: list?.version ?? null,
    trustListUpdatedAt: list?.acceptedAt ?? null,
  };
}

/** The sync fields of TerminalApi's Status. */
export function statusFields(s: SyncStatus): Pick<Status, 'online' | 'registryConfigured' | 'pendingRecords' | 'trustListUpdatedAt'> {
  return { online: s.connectivity === 'online', registryConfigured: s.enrolled, pendingRecords: s.pending, trustListUpdatedAt: s.trustListUpdatedAt };
}
