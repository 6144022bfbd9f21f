/**
 * The symmetric pieces of PACE shared by terminal and card: password key Kπ, nonce encryption,
 * the integrated-mapping pseudo-random function R(s,t), session keys, authentication tokens and
 * the CAM chip-authentication data.
 */
import { ascii, bytesToBigInt, concat } from '../../bytes/bytes.ts';
import { fromHex } from '../../bytes/hex.ts';
import { tlv } from '../../bytes/tlv.ts';
import { encodeOidValue } from '../../bytes/oid.ts';
import { decrypt, encrypt, hash } from '../../crypto/node-crypto.ts';
import { desEdeKey } from '../../crypto/des.ts';
import { kdf, KDF_PI } from '../../crypto/kdf.ts';
import { aesCmac } from '../../crypto/aes-cmac.ts';
import { retailMac } from '../../crypto/retail-mac.ts';
import { padIso9797M2, unpadIso9797M2 } from '../../crypto/iso9797-padding.ts';
import { deriveSessionKeys, type SessionKeys } from '../sm/sm-channel.ts';
import type { AccessKey } from '../../mrz/index.ts';
import type { PaceAlgorithm, PaceCipher } from './pace-algorithm.ts';
import type { PaceGroup } from './pace-group.ts';
import { paceFailed, paceUnsupported } from './pace-errors.ts';

export const blockSize = (cipher: PaceCipher): number => (cipher === 'AES' ? 16 : 8);

function cipherKey(cipher: PaceCipher, key: Uint8Array): Uint8Array {
  return cipher === 'AES' ? key : desEdeKey(key);
}

/** CBC encryption without padding under an AES or two-key 3DES key (IV zero unless given). */
export function cbcEncrypt(cipher: PaceCipher, key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array {
  return encrypt(cipher === 'AES' ? 'aes' : '3des', 'cbc', cipherKey(cipher, key), data, iv);
}

export function cbcDecrypt(cipher: PaceCipher, key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array {
  return decrypt(cipher === 'AES' ? 'aes' : '3des', 'cbc', cipherKey(cipher, key), data, iv);
}

/** The PACE password π: SHA-1(MRZ_information) for the MRZ, the CAN's ASCII digits for the CAN. */
export function passwordSecret(kind: AccessKey['kind'], text: string): Uint8Array {
  return kind === 'MRZ' ? hash('sha1', ascii(text)) : ascii(text);
}

/** Kπ = KDF(π, 3). */
export function passwordKey(key: AccessKey, algorithm: PaceAlgorithm): Uint8Array {
  const secret = key.kind === 'MRZ' ? passwordSecret('MRZ', key.mrz.value) : passwordSecret('CAN', key.can);
  return kdf(secret, KDF_PI, algorithm.cipher, algorithm.keyBits);
}

/** Kπ from a password known as text (the card side holds MRZ_information and CAN as strings). */
export function passwordKeyFromText(kind: AccessKey['kind'], text: string, algorithm: PaceAlgorithm): Uint8Array {
  return kdf(passwordSecret(kind, text), KDF_PI, algorithm.cipher, algorithm.keyBits);
}

/** PACE password reference for MSE:Set AT (tag 83): 1 = MRZ, 2 = CAN. */
export const passwordReference = (key: AccessKey): number => (key.kind === 'MRZ' ? 1 : 2);

/** Nonce length the card chooses: one 128-bit block, or 256 bits for AES-192/256 (IM needs l = 256 there). */
export const nonceLength = (algorithm: PaceAlgorithm): number => (algorithm.keyBits > 128 ? 32 : 16);

export function decryptNonce(algorithm: PaceAlgorithm, kPi: Uint8Array, z: Uint8Array): Uint8Array {
  if (z.length === 0 || z.length > 64 || z.length % blockSize(algorithm.cipher) !== 0) throw paceFailed(`encrypted nonce of ${z.length} bytes`);
  return cbcDecrypt(algorithm.cipher, kPi, z);
}

export const encryptNonce = (algorithm: PaceAlgorithm, kPi: Uint8Array, s: Uint8Array): Uint8Array => cbcEncrypt(algorithm.cipher, kPi, s);

// ICAO 9303-11 §4.4.3.3.2 constants of the integrated mapping's pseudo-random function.
const C0_128 = fromHex('a668892a7c41e3ca739f40b057d85904');
const C1_128 = fromHex('a4e136ac725f738b01c1f60217c188ad');
const C0_256 = fromHex('d463d65234124ef7897054986dca0a174e28df758cbaa03f240616414d5a1676');
const C1_256 = fromHex('54bd7255f0aaf831bec3423fcf39d69b6cbf066677d0faae5aadd99df8e53517');

/** Length of the IM nonce t: the cipher's key length (16 for two-key 3DES and AES-128). */
export const imNonceLength = (algorithm: PaceAlgorithm): number => algorithm.keyBits / 8;

/**
 * R(s,t) reduced mod p: key0 = E(t, s); then per round x_i = E(key_i, c1), key_i+1 = E(key_i, c0)
 * (truncated to the key length), until the output has log2(p)+64 bits. The constants' length l
 * follows the nonce s: 128 bits, or 256 for 24/32-byte nonces.
 */
export function pseudoRandomMapping(algorithm: PaceAlgorithm, s: Uint8Array, t: Uint8Array, p: bigint): bigint {
  const keyLength = algorithm.keyBits / 8;
  if (t.length !== keyLength) throw paceFailed(`IM nonce t of ${t.length} bytes, expected ${keyLength}`);
  const [c0, c1] = s.length === 16 ? [C0_128, C1_128] : s.length === 24 || s.length === 32 ? [C0_256, C1_256] : [undefined, undefined];
  if (c0 === undefined || c1 === undefined) throw paceUnsupported(`integrated mapping with a ${s.length}-byte nonce`);
  const bits = p.toString(2).length + 64;
  let key = cbcEncrypt(algorithm.cipher, t, s).slice(0, keyLength);
  if (key.length < keyLength) throw paceUnsupported('integrated mapping nonce shorter than the key');
  const out: Uint8Array[] = [];
  for (let produced = 0; produced < bits; produced += c1.length * 8) {
    out.push(cbcEncrypt(algorithm.cipher, key, c1));
    key = cbcEncrypt(algorithm.cipher, key, c0).slice(0, keyLength);
  }
  return bytesToBigInt(concat(...out)) % p;
}

/** KSenc / KSmac from the shared secret, SSC zero. */
export function paceSessionKeys(algorithm: PaceAlgorithm, secret: Uint8Array): SessionKeys {
  return deriveSessionKeys(algorithm.cipher, secret, algorithm.keyBits);
}

/** The 7F49 public key data object the tokens are computed over: { 06 OID, 86|84 public key }. */
export function tokenInput(algorithm: PaceAlgorithm, group: PaceGroup, publicKey: Uint8Array): Uint8Array {
  return tlv(0x7f49, tlv(0x06, encodeOidValue(algorithm.oid)), tlv(group.publicKeyTag, publicKey));
}

/** T = MAC(KSmac, 7F49{...}): retail MAC over the padded input (3DES) or CMAC truncated to 8 bytes (AES). */
export function authenticationToken(algorithm: PaceAlgorithm, kMac: Uint8Array, input: Uint8Array): Uint8Array {
  return algorithm.cipher === 'AES' ? aesCmac(kMac, input).slice(0, 8) : retailMac(kMac, padIso9797M2(input, 8));
}

/** CAM: A_IC = E(KSenc, pad(CA_IC)) with IV = E(KSenc, -1), i.e. the all-FF SSC. */
function camIv(kEnc: Uint8Array): Uint8Array {
  return encrypt('aes', 'ecb', kEnc, new Uint8Array(16).fill(0xff));
}

export function encryptCamData(kEnc: Uint8Array, caIc: Uint8Array): Uint8Array {
  return cbcEncrypt('AES', kEnc, padIso9797M2(caIc, 16), camIv(kEnc));
}

export function decryptCamData(kEnc: Uint8Array, aIc: Uint8Array): Uint8Array {
  if (aIc.length === 0 || aIc.length % 16 !== 0 || aIc.length > 144) throw paceFailed(`chip authentication data of ${aIc.length} bytes`);
  try {
    return unpadIso9797M2(cbcDecrypt('AES', kEnc, aIc, camIv(kEnc)));
  } catch (e) {
    throw paceFailed('chip authentication data does not decrypt', e);
  }
}
