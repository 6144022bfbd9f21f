/**
 * The terminal's copy of the registry's trust list. A new list replaces the current one only
 * after its signature verifies against the registry key pinned at enrolment and its version is
 * not older; the swap is one key-value write, so a crash leaves either the old or the new list.
 */
import { EidError } from '../errors.ts';
import { verifyTrustList, type TrustListContents } from '../registry-protocol/signed-trust-list.ts';
import type { KeyValuePort } from './ports.ts';

export const TRUST_LIST_KEY = 'sync.trustList';

export interface StoredTrustList {
  readonly etag: string;
  readonly jws: string;
  readonly version: number;
  readonly issuedAt: string;
  /** When this terminal verified and adopted it. */
  readonly acceptedAt: string;
}

export function currentTrustList(kv: KeyValuePort): StoredTrustList | undefined {
  const raw = kv.get(TRUST_LIST_KEY);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as StoredTrustList;
  } catch {
    return undefined;
  }
}

/**
 * Verifies `jws` and, if it is at least as new as the current list, stores it in one write.
 * Returns the decoded contents of the accepted list; the current list stays on any failure.
 */
export function acceptTrustList(kv: KeyValuePort, jws: string, etag: string, pinnedRegistryKey: Uint8Array, now: Date = new Date()): TrustListContents {
  const list = verifyTrustList(jws, pinnedRegistryKey);
  const current = currentTrustList(kv);
  if (current && list.version < current.version) {
    throw new EidError('TRUST_LIST_ROLLBACK', { offered: list.version, current: current.version });
  }
  const stored: StoredTrustList = { etag, jws, version: list.version, issuedAt: list.issuedAt, acceptedAt: now.toISOString() };
  kv.set(TRUST_LIST_KEY, JSON.stringify(stored));
  return list;
}
