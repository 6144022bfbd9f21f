/**
 * A terminal's signing key: Ed25519 by default, or ECDSA P-256 (what TPMs and secure elements
 * offer) — the two algorithms of the registry protocol. Keys travel as SubjectPublicKeyInfo DER,
 * whose fixed prefix tells the algorithm. P-256 goes through core/crypto/ec (@noble/curves), so
 * it works in Electron's BoringSSL as well.
 */
import { concat, equal, bigIntToBytes, bytesToBigInt } from '../bytes/bytes.ts';
import { fromHex } from '../bytes/hex.ts';
import { ed25519Sign, ed25519Verify, generateEd25519KeyPair, hash } from '../crypto/node-crypto.ts';
import { curveByName, decodePoint, ecdsaSign, ecdsaVerify, encodePoint, generateEcKeyPair } from '../crypto/ec/index.ts';

/** RFC 9421 algorithm names. */
export type TerminalKeyAlg = 'ed25519' | 'ecdsa-p256-sha256';

export interface TerminalKeyPair {
  readonly alg: TerminalKeyAlg;
  /** Ed25519: PKCS#8 DER. P-256: the 32-byte private scalar. */
  readonly privateKey: Uint8Array;
  readonly spkiDer: Uint8Array;
}

/** SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING } (RFC 8410), then the 32-byte key. */
export const ED25519_SPKI_PREFIX = fromHex('302a300506032b6570032100');
/** SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 } BIT STRING } (RFC 5480), then 04|X|Y. */
export const P256_SPKI_PREFIX = fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200');

const p256 = () => curveByName('P-256');

export function generateTerminalKey(alg: TerminalKeyAlg = 'ed25519'): TerminalKeyPair {
  if (alg === 'ed25519') {
    const k = generateEd25519KeyPair();
    return { alg, privateKey: k.privateKeyDer, spkiDer: k.spkiDer };
  }
  const curve = p256();
  const k = generateEcKeyPair(curve);
  return { alg, privateKey: bigIntToBytes(k.privateKey, 32), spkiDer: concat(P256_SPKI_PREFIX, encodePoint(curve, k.publicKey)) };
}

/** The algorithm of a public key, or undefined for any other kind of key. */
export function algOfSpki(spki: Uint8Array): TerminalKeyAlg | undefined {
  if (spki.length === 44 && equal(spki.subarray(0, 12), ED25519_SPKI_PREFIX)) return 'ed25519';
  if (spki.length === 91 && equal(spki.subarray(0, 26), P256_SPKI_PREFIX)) {
    try {
      decodePoint(p256(), spki.subarray(26));
      return 'ecdsa-p256-sha256';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Signature bytes as RFC 9421 carries them: Ed25519 64 bytes; ECDSA r||s, 64 bytes. */
export function signWithTerminalKey(key: Pick<TerminalKeyPair, 'alg' | 'privateKey'>, data: Uint8Array): Uint8Array {
  if (key.alg === 'ed25519') return ed25519Sign(key.privateKey, data);
  return ecdsaSign(p256(), bytesToBigInt(key.privateKey), hash('sha256', data));
}

export function verifyWithSpki(spki: Uint8Array, alg: string, data: Uint8Array, signature: Uint8Array): boolean {
  if (algOfSpki(spki) !== alg) return false;
  if (alg === 'ed25519') return ed25519Verify(spki, data, signature);
  // RFC 9421 section 3.3.4: the fixed-length r||s form only.
  if (signature.length !== 64) return false;
  return ecdsaVerify(p256(), spki.subarray(26), hash('sha256', data), signature);
}
