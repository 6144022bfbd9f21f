/**
 * Checking an Active Authentication answer (ICAO 9303-11 §6.1) against the DG15 public key:
 * RSA with ISO/IEC 9796-2 scheme 1 (raw RSA by BigInt, so any modulus works under BoringSSL),
 * or ECDSA plain r||s with the hash named by DG14's ActiveAuthenticationInfo.
 */
import { EidError } from '../../errors.ts';
import { bigIntToBytes, bytesToBigInt } from '../../bytes/bytes.ts';
import { signatureScheme } from '../../asn1/algorithms.ts';
import { integerValue, items, readWhole } from '../../asn1/reader.ts';
import { hash, type HashAlgorithm } from '../../crypto/node-crypto.ts';
import { modPow } from '../../crypto/dh.ts';
import { curveByOid, curveFromParams, ecdsaVerify, type EcCurve } from '../../crypto/ec/index.ts';
import { parseIso9796Scheme1, verifyIso9796Scheme1 } from '../../crypto/iso9796-2.ts';
import type { PublicKeyInfo } from '../../lds/public-key.ts';

export interface ActiveAuthResult {
  readonly status: 'PASS' | 'FAIL';
  readonly method: 'AA';
  readonly algorithm: 'RSA-ISO9796-2' | 'ECDSA';
  /** Hash the chip used (from the trailer for RSA, from DG14 for ECDSA); null if unreadable. */
  readonly hash: HashAlgorithm | null;
  /** Why a FAIL failed, for logs (never personal data). */
  readonly reason?: string;
}

export function aaUnsupported(detail: string): EidError {
  return new EidError('AA_UNSUPPORTED', { detail });
}

export function rsaPublicKey(key: PublicKeyInfo): { n: bigint; e: bigint } {
  const [n, e] = items(readWhole(key.publicKey, 'RSAPublicKey'), 'RSAPublicKey');
  const modulus = integerValue(n, 'RSA modulus');
  const exponent = integerValue(e, 'RSA exponent');
  if (modulus < 3n || exponent < 3n) throw aaUnsupported('RSA key out of range');
  return { n: modulus, e: exponent };
}

export function rsaModulusLength(key: PublicKeyInfo): number {
  return Math.ceil(rsaPublicKey(key).n.toString(2).length / 8);
}

export function ecCurveOfKey(key: PublicKeyInfo): EcCurve {
  if (key.parameters.kind !== 'ec') throw aaUnsupported('EC key without curve');
  const p = key.parameters.ec;
  if (p.kind === 'implicit') throw aaUnsupported('EC key with implicit curve');
  return p.kind === 'named' ? curveByOid(p.curveOid) : curveFromParams(p.params);
}

/** Hash of an ECDSA AA signature from DG14's ActiveAuthenticationInfo signatureAlgorithm OID. */
export function ecdsaHashOf(signatureAlgorithmOid: string | undefined): HashAlgorithm {
  if (!signatureAlgorithmOid) throw aaUnsupported('DG14 names no signature algorithm for an EC key');
  const scheme = signatureScheme({ oid: signatureAlgorithmOid, parameters: undefined, raw: new Uint8Array(0) });
  if (scheme?.kind !== 'ecdsa') throw aaUnsupported(`signature algorithm ${signatureAlgorithmOid}`);
  return scheme.hash;
}

function verifyRsa(key: PublicKeyInfo, challenge: Uint8Array, signature: Uint8Array): ActiveAuthResult {
  const base = { method: 'AA', algorithm: 'RSA-ISO9796-2' } as const;
  const { n, e } = rsaPublicKey(key);
  const k = Math.ceil(n.toString(2).length / 8);
  const s = bytesToBigInt(signature);
  if (signature.length > k || s <= 0n || s >= n) return { ...base, status: 'FAIL', hash: null, reason: 'signature out of range' };
  const m = modPow(s, e, n);
  // ISO 9796-2 signers may send min(s, n - s); the representative is then n - m.
  for (const candidate of [m, n - m]) {
    const padded = bigIntToBytes(candidate, k);
    // Moduli whose top byte is small carry a representative one byte shorter.
    const f = padded[0] === 0 ? padded.subarray(1) : padded;
    const rep = parseIso9796Scheme1(f);
    if (!rep) continue;
    if (verifyIso9796Scheme1(f, challenge)) return { ...base, status: 'PASS', hash: rep.hash };
    return { ...base, status: 'FAIL', hash: rep.hash, reason: rep.partialRecovery ? 'hash mismatch' : 'not partial recovery' };
  }
  return { ...base, status: 'FAIL', hash: null, reason: 'not an ISO 9796-2 signature for this key' };
}

function verifyEcdsa(key: PublicKeyInfo, challenge: Uint8Array, signature: Uint8Array, signatureAlgorithmOid: string | undefined): ActiveAuthResult {
  const hashAlg = ecdsaHashOf(signatureAlgorithmOid);
  const curve = ecCurveOfKey(key);
  let ok: boolean;
  try {
    ok = ecdsaVerify(curve, key.publicKey, hash(hashAlg, challenge), signature);
  } catch {
    ok = false;
  }
  return { status: ok ? 'PASS' : 'FAIL', method: 'AA', algorithm: 'ECDSA', hash: hashAlg, ...(!ok && { reason: 'signature invalid' }) };
}

/**
 * PASS or FAIL for a signature the chip returned over `challenge`. Throws AA_UNSUPPORTED when
 * the key or algorithm cannot be checked at all (that is not evidence against the chip).
 */
export function verifyActiveAuthSignature(key: PublicKeyInfo, challenge: Uint8Array, signature: Uint8Array, signatureAlgorithmOid?: string): ActiveAuthResult {
  if (key.keyType === 'RSA') return verifyRsa(key, challenge, signature);
  if (key.keyType === 'EC') return verifyEcdsa(key, challenge, signature, signatureAlgorithmOid);
  throw aaUnsupported(`key type ${key.keyType}`);
}
