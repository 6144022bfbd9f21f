/**
 * The registry's Ed25519 signing key (signs trust lists; terminals pin its public half at
 * enrolment). Created on first start and kept in the store's settings, so every API node of one
 * registry signs with the same key. An organisation with an HSM replaces this module.
 */
import { generateEd25519KeyPair, hash } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import { fromBase64, toBase64 } from '../core/bytes/base64.ts';
import type { RegistryStore } from './store/types.ts';

export interface RegistryKey {
  readonly keyId: string;
  readonly privateKeyDer: Uint8Array;
  readonly spkiDer: Uint8Array;
}

const SETTING = 'registry.signingKey';

export function registryKeyId(spkiDer: Uint8Array): string {
  return toHex(hash('sha256', spkiDer).subarray(0, 8)).toLowerCase();
}

export async function loadOrCreateRegistryKey(store: RegistryStore): Promise<RegistryKey> {
  let stored = await store.getSetting(SETTING);
  if (stored === undefined) {
    const fresh = generateEd25519KeyPair();
    stored = await store.setSettingIfAbsent(SETTING, JSON.stringify({ privateKey: toBase64(fresh.privateKeyDer), publicKey: toBase64(fresh.spkiDer) }));
  }
  const o = JSON.parse(stored) as { privateKey: string; publicKey: string };
  const spkiDer = fromBase64(o.publicKey);
  return { keyId: registryKeyId(spkiDer), privateKeyDer: fromBase64(o.privateKey), spkiDer };
}
