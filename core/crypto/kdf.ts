/**
 * ICAO 9303-11 §9.7.1 key derivation: KDF(K, c) = H(K || c) with c a 32-bit big-endian counter
 * (1 = encryption, 2 = MAC, 3 = PACE password key). 3DES and AES-128 use SHA-1, AES-192/256 use
 * SHA-256; 3DES keys get DES parity adjusted.
 */
import { uintBytes } from '../bytes/bytes.ts';
import { hash } from './node-crypto.ts';
import { adjustDesParity } from './des.ts';

/** Counter values named by ICAO 9303-11. */
export const KDF_ENC = 1;
export const KDF_MAC = 2;
export const KDF_PI = 3;

/** 'DESede' is accepted as a synonym of '3DES' (the name used in ICAO OIDs and JMRTD). */
export type KdfCipher = '3DES' | 'DESede' | 'AES';

export function kdf(secret: Uint8Array, counter: number, cipher: KdfCipher, keyBits: 112 | 128 | 192 | 256 = 128): Uint8Array {
  const c = uintBytes(counter, 4);
  if (cipher === '3DES' || cipher === 'DESede') {
    const digest = hash('sha1', secret, c);
    return adjustDesParity(digest.subarray(0, 16));
  }
  if (keyBits === 128) return hash('sha1', secret, c).slice(0, 16);
  if (keyBits === 192) return hash('sha256', secret, c).slice(0, 24);
  if (keyBits === 256) return hash('sha256', secret, c).slice(0, 32);
  throw new RangeError(`AES key length ${keyBits} is not an ICAO option`);
}
