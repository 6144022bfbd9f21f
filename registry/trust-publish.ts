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
import type { RegistryKey } from './registry-key.ts';
import type { RegistryStore } from './store/types.ts';

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

export async function publishTrustList(store: RegistryStore, key: RegistryKey, files: readonly TrustFile[], now: Date): Promise<PublishedTrustList> {
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
  const version = ((await store.latestTrustList())?.version ?? 0) + 1;
  const jws = signTrustList({ version, issuedAt: now.toISOString(), cscas, crls }, key);
  const etag = trustListEtag(jws);
  await store.insertTrustList({ version, jws, etag, publishedAt: now.toISOString() });
  return { version, etag, cscas: cscas.length, crls: crls.length, reports };
}
