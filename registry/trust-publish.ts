/**
 * Publishing a trust list: the administrator's CSCA certificates, ICAO master lists (signature
 * checked by core/trust), PKD LDIF and CRL files are read with core/trust's loader, and their
 * certificates and CRLs become the next version of the signed bundle. A publication replaces the
 * previous list: pass every file the terminals should trust.
 */
import { hash } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import { utf8 } from '../core/bytes/bytes.ts';
import { EidError } from '../core/errors.ts';
import { signTrustList } from '../core/registry-protocol/signed-trust-list.ts';
import { TrustStore } from '../core/trust/store.ts';
import { loadTrustBytes, type LoadReport } from '../core/trust/trust-files.ts';
import type { SigningKey, SigningKeyStore } from './signing-keys.ts';
import { rotateKeys, signingKeyFor, type TrustListKeys } from './trust-list-keys.ts';
import type { RegistryStore } from './store/types.ts';
import type { KeyRotation } from '../core/registry-protocol/key-rotation.ts';
import { verifyTrustList, type TrustListContents } from '../core/registry-protocol/signed-trust-list.ts';

export interface TrustFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface PublishedTrustList {
  readonly version: number;
  readonly etag: string;
  readonly cscas: number;
  readonly crls: number;
  readonly reports: LoadReport[];
}

export function trustListEtag(jws: string): string {
  return `"${toHex(hash('sha256', utf8(jws)).subarray(0, 16)).toLowerCase()}"`;
}

/** The next version, signed by the current key, with the key hand-overs in its header. */
async function publishContents(store: RegistryStore, signer: SigningKey, rotations: readonly KeyRotation[], contents: Omit<TrustListContents, 'version'>): Promise<{ version: number; etag: string }> {
  const version = ((await store.latestTrustList())?.version ?? 0) + 1;
  const jws = signTrustList({ ...contents, version }, signer, rotations);
  const etag = trustListEtag(jws);
  await store.insertTrustList({ version, jws, etag, publishedAt: contents.issuedAt });
  return { version, etag };
}

export async function publishTrustList(store: RegistryStore, keyStore: SigningKeyStore, files: readonly TrustFile[], now: Date): Promise<PublishedTrustList> {
  const trust = new TrustStore();
  const reports = files.map((f) => {
    try {
      return loadTrustBytes(trust, f.bytes, f.name, now);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new EidError('TRUST_FILE_UNREADABLE', { file: f.name, detail }, { cause: e });
    }
  });
  const cscas = trust.certificates().map((c) => c.certificate.raw);
  const crls = trust.crls().map((c) => c.crl.raw);
  if (cscas.length === 0) {
    throw new EidError('TRUST_LIST_EMPTY');
  }
  const { keys, signer } = await signingKeyFor(store, keyStore);
  const published = await publishContents(store, signer, keys.rotations, { issuedAt: now.toISOString(), cscas, crls });
  return { ...published, cscas: cscas.length, crls: crls.length, reports };
}

export interface RotatedKey {
  readonly keys: TrustListKeys;
  readonly previousKeyId: string;
  /** The version re-signed by the new key so terminals move over; null when nothing was published yet. */
  readonly trustListVersion: number | null;
}

/**
 * `registry rotate-key`: a new trust-list key, the hand-over signed by the old one, and the
 * current list published again under the new key (same CSCAs and CRLs, next version), so every
 * terminal moves its pin on its next sync.
 */
export async function rotateTrustListKey(store: RegistryStore, keyStore: SigningKeyStore, now: Date): Promise<RotatedKey> {
  const { keys, signer, previous } = await rotateKeys(store, keyStore);
  const latest = await store.latestTrustList();
  if (!latest) return { keys, previousKeyId: previous.keyId, trustListVersion: null };
  const contents = verifyTrustList(latest.jws, previous.publicKey);
  const { version } = await publishContents(store, signer, keys.rotations, { issuedAt: now.toISOString(), cscas: contents.cscas, crls: contents.crls });
  return { keys, previousKeyId: previous.keyId, trustListVersion: version };
}
