/**
 * The cryptography of Basic Access Control (ICAO 9303-11 §4.3) shared by the terminal (bac.ts)
 * and the virtual chip (core/chip/bac-card.ts): document basic access keys from
 * MRZ_information, the 40-byte authentication cryptogram E || MAC(E), and session keys.
 */
import { EidError } from '../../errors.ts';
import { ascii, concat, xor } from '../../bytes/bytes.ts';
import { encrypt, decrypt, hash, timingSafeEqual } from '../../crypto/node-crypto.ts';
import { desEdeKey } from '../../crypto/des.ts';
import { retailMac } from '../../crypto/retail-mac.ts';
import { padIso9797M2 } from '../../crypto/iso9797-padding.ts';
import { kdf, KDF_ENC, KDF_MAC } from '../../crypto/kdf.ts';
import { deriveSessionKeys, type SessionKeys } from '../sm/sm-channel.ts';

export const BAC_NONCE_LENGTH = 8;
export const BAC_KEY_MATERIAL_LENGTH = 16;
/** E (32 bytes) || MAC (8 bytes). */
export const BAC_CRYPTOGRAM_LENGTH = 40;

export interface BacKeys {
  readonly kEnc: Uint8Array;
  readonly kMac: Uint8Array;
}

/** Kseed = first 16 bytes of SHA-1(MRZ_information); Kenc/Kmac by the ICAO KDF. */
export function bacKeysFromMrzInformation(mrzInformation: string): BacKeys {
  if (!/^[A-Z0-9<]{15,60}$/.test(mrzInformation)) {
    throw new EidError('ACCESS_KEY_INVALID');
  }
  const seed = hash('sha1', ascii(mrzInformation)).subarray(0, 16);
  return { kEnc: kdf(seed, KDF_ENC, '3DES'), kMac: kdf(seed, KDF_MAC, '3DES') };
}

/** E = 3DES-CBC(Kenc, S), then E || retail MAC(Kmac, pad(E)). */
export function sealBacCryptogram(keys: BacKeys, plain32: Uint8Array): Uint8Array {
  const e = encrypt('3des', 'cbc', desEdeKey(keys.kEnc), plain32);
  return concat(e, retailMac(keys.kMac, padIso9797M2(e, 8)));
}

/** Verifies the MAC and decrypts; undefined when the MAC does not match (wrong key or forged). */
export function openBacCryptogram(keys: BacKeys, cryptogram: Uint8Array): Uint8Array | undefined {
  if (cryptogram.length !== BAC_CRYPTOGRAM_LENGTH) return undefined;
  const e = cryptogram.subarray(0, 32);
  if (!timingSafeEqual(retailMac(keys.kMac, padIso9797M2(e, 8)), cryptogram.subarray(32))) return undefined;
  return decrypt('3des', 'cbc', desEdeKey(keys.kEnc), e);
}

/** KSseed = K.IFD xor K.IC; SSC = last 4 bytes of RND.IC || last 4 bytes of RND.IFD. */
export function bacSessionKeys(kIfd: Uint8Array, kIc: Uint8Array, rndIc: Uint8Array, rndIfd: Uint8Array): SessionKeys {
  return deriveSessionKeys('3DES', xor(kIfd, kIc), 128, concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)));
}
