/**
 * DES key handling for ICAO 9303 (BAC and 3DES secure messaging use two-key 3DES). node's
 * 'des-ede3' with K|K|K is single DES, so only 3DES cipher names are needed (BoringSSL has them).
 */
import { concat } from '../bytes/bytes.ts';
import { encrypt, decrypt } from './node-crypto.ts';

/** Sets the lowest bit of every byte so each byte has odd parity (DES key convention). */
export function adjustDesParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = key[i]! & 0xfe;
    let ones = 0;
    for (let v = b; v !== 0; v >>= 1) ones += v & 1;
    out[i] = b | (ones % 2 === 0 ? 1 : 0);
  }
  return out;
}

/** Two-key 3DES (Ka|Kb, 16 bytes) or three-key (24 bytes) as the 24-byte key node expects. */
export function desEdeKey(key: Uint8Array): Uint8Array {
  if (key.length === 24) return key;
  if (key.length !== 16) throw new RangeError(`3DES key must be 16 or 24 bytes, got ${key.length}`);
  return concat(key, key.subarray(0, 8));
}

/** Single DES (8-byte key) as 3DES with K|K|K. */
export function singleDesKey(key8: Uint8Array): Uint8Array {
  if (key8.length !== 8) throw new RangeError(`DES key must be 8 bytes, got ${key8.length}`);
  return concat(key8, key8, key8);
}

export function desEncryptBlock(key8: Uint8Array, block: Uint8Array): Uint8Array {
  return encrypt('3des', 'ecb', singleDesKey(key8), block);
}

export function desDecryptBlock(key8: Uint8Array, block: Uint8Array): Uint8Array {
  return decrypt('3des', 'ecb', singleDesKey(key8), block);
}
