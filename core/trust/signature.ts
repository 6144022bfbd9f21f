/**
 * One signature check for any (public key, algorithm, data, signature): RSA PKCS#1 v1.5 and PSS
 * through node:crypto's owner module, ECDSA on any prime curve (named or explicit parameters)
 * through core/crypto/ec, so brainpool and explicit keys work under BoringSSL too.
 */
import type { SubjectPublicKeyInfo } from '../asn1/x509.ts';
import { signatureScheme, type AlgorithmIdentifier } from '../asn1/algorithms.ts';
import { OID } from '../asn1/oids.ts';
import { parseEcKeyParameters } from '../asn1/ec-parameters.ts';
import { hash, rsaVerify, type HashAlgorithm } from '../crypto/node-crypto.ts';
import { curveByOid, curveFromParams, ecdsaVerify, type EcCurve } from '../crypto/ec/index.ts';
import { toHex } from '../bytes/hex.ts';
import { bitString, nullValue, oid, sequence } from '../bytes/der.ts';
import { unsupportedAlgorithm } from './errors.ts';

/** Curves of explicit-parameter keys, keyed by the parameter bytes: CSCAs are checked over and over. */
const curveCache = new Map<string, EcCurve>();
const CURVE_CACHE_LIMIT = 256;

export function curveOfKey(spki: SubjectPublicKeyInfo): EcCurve {
  const params = spki.algorithm.parameters;
  const key = params ? toHex(params) : '';
  const cached = curveCache.get(key);
  if (cached) return cached;
  const parsed = parseEcKeyParameters(params);
  if (parsed.kind === 'implicit') throw unsupportedAlgorithm('EC key with implicitly-CA parameters');
  const curve = parsed.kind === 'named' ? curveByOid(parsed.curveOid) : curveFromParams(parsed.params);
  if (curveCache.size >= CURVE_CACHE_LIMIT) curveCache.clear();
  curveCache.set(key, curve);
  return curve;
}

/**
 * True when `signature` over `data` verifies under `spki` with `algorithm`. `digestHint` is the
 * SignerInfo digest algorithm, needed when a SignerInfo names plain rsaEncryption as signature
 * algorithm. Throws UNSUPPORTED_ALGORITHM for algorithms it does not know; a key of the wrong
 * type or a malformed key or signature gives false.
 */
export function verifySignature(
  spki: SubjectPublicKeyInfo,
  algorithm: AlgorithmIdentifier,
  data: Uint8Array,
  signature: Uint8Array,
  digestHint?: HashAlgorithm,
): boolean {
  const scheme = signatureScheme(algorithm);
  if (!scheme) throw unsupportedAlgorithm(algorithm.oid);
  const keyOid = spki.algorithm.oid;
  if (scheme.kind === 'ecdsa') {
    if (keyOid !== OID.ecPublicKey) return false;
    const curve = curveOfKey(spki);
    try {
      return ecdsaVerify(curve, spki.publicKey, hash(scheme.hash, data), signature);
    } catch {
      return false; // a public point that does not decode cannot verify anything
    }
  }
  if (keyOid !== OID.rsaEncryption && keyOid !== OID.rsaPss) return false;
  const hashName = scheme.kind === 'rsa-pkcs1-digest' ? digestHint : scheme.hash;
  if (!hashName) throw unsupportedAlgorithm('rsaEncryption without a digest algorithm');
  // An id-RSASSA-PSS key is handed over as plain rsaEncryption (same modulus and exponent):
  // BoringSSL does not load PSS SPKIs, and OpenSSL ties such keys to the SPKI's own parameters.
  const keyDer = keyOid === OID.rsaPss ? sequence(sequence(oid(OID.rsaEncryption), nullValue()), bitString(spki.publicKey)) : spki.raw;
  try {
    return scheme.kind === 'rsa-pss'
      ? rsaVerify(keyDer, hashName, data, signature, { scheme: 'pss', saltLength: scheme.pss.saltLength, mgfHash: scheme.pss.mgfHash })
      : rsaVerify(keyDer, hashName, data, signature, { scheme: 'pkcs1' });
  } catch {
    return false; // OpenSSL refuses the key (e.g. malformed modulus): not a valid signature
  }
}

/** A certificate or CRL: the signed TBS bytes and the issuer's signature over them. */
export interface SignedX509 {
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly tbsRaw: Uint8Array;
  readonly signature: Uint8Array;
}

/** Whether `issuer`'s key signed `signed`; an algorithm the terminal cannot check counts as not signed by it. */
export function signedBy(signed: SignedX509, issuer: { readonly subjectPublicKeyInfo: SubjectPublicKeyInfo }): boolean {
  try {
    return verifySignature(issuer.subjectPublicKeyInfo, signed.signatureAlgorithm, signed.tbsRaw, signed.signature);
  } catch {
    return false;
  }
}
