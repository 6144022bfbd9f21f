/**
 * The terminal's copy of the registry's trust list. A new list replaces the current one only
 * after its signature verifies against the pinned registry key (or a key it handed over to) and
 * its version is not older; the swap is one key-value write, so a crash leaves either the old or
 * the new list. A list signed by a new key moves the identity's pin to that key, so the old key
 * signs nothing this terminal accepts any more.
 */
import { EidError } from '../errors.ts';
import { equal } from '../bytes/bytes.ts';
import { registryKeyId } from '../registry-protocol/registry-key.ts';
import { verifyTrustList, type VerifiedTrustList } from '../registry-protocol/signed-trust-list.ts';
import { loadIdentity, saveIdentity } from './identity.ts';
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
export function acceptTrustList(kv: KeyValuePort, jws: string, etag: string, pinnedRegistryKey: Uint8Array, now: Date = new Date()): VerifiedTrustList {
  const list = verifyTrustList(jws, pinnedRegistryKey);
  const current = currentTrustList(kv);
  if (current && list.version < current.version) {
    throw new EidError('TRUST_LIST_ROLLBACK', { offered: list.version, current: current.version });
  }
  const stored: StoredTrustList = { etag, jws, version: list.version, issuedAt: list.issuedAt, acceptedAt: now.toISOString() };
  // The pin moves first: after a crash in between, the old list verifies from the new pin only
  // if it was signed by it, and the next pull brings the new list again.
  const identity = loadIdentity(kv);
  if (identity && !equal(identity.registryKey, list.signedBy)) {
    saveIdentity(kv, { ...identity, registryKey: list.signedBy, registryKeyId: registryKeyId(list.signedBy) });
  }
  kv.set(TRUST_LIST_KEY, JSON.stringify(stored));
  return list;
}
