/**
 * ECDSA over any curve object (brainpool and explicit parameters included). Verification accepts
 * plain r||s (ICAO AA, BSI TR-03111) and DER SEQUENCE { r, s } (X.509/CMS). The caller hashes;
 * a hash longer than the order is truncated to its leftmost bits as the standard requires.
 */
import { EidError } from '../../errors.ts';
import { bigIntToBytes, bytesToBigInt, concat } from '../../bytes/bytes.ts';
import { children, readTlv } from '../../bytes/tlv.ts';
import { invert } from '@noble/curves/abstract/modular.js';
import type { EcCurve, EcPoint } from './curve.ts';
import { decodePoint } from './point.ts';
import { randomScalar, systemRandom, type RandomSource } from './keys.ts';
import { tabledKey } from './key-tables.ts';

/** Curves whose generator table verification has built (see ecdsaVerify). */
const generatorTabled = new WeakSet<EcCurve>();

/** Leftmost bits of the hash as an integer (SEC1 4.1.3 step 5 / 4.1.4 step 3). */
function hashToInteger(curve: EcCurve, messageHash: Uint8Array): bigint {
  const nBits = curve.params.n.toString(2).length;
  const e = bytesToBigInt(messageHash);
  const excess = messageHash.length * 8 - nBits;
  return excess > 0 ? e >> BigInt(excess) : e;
}

function signatureError(detail: string): EidError {
  return new EidError('ECDSA_SIGNATURE_MALFORMED', { detail });
}

/** Splits a signature into (r, s): DER when it parses as SEQUENCE{INTEGER, INTEGER}, else r||s. */
export function parseEcdsaSignature(curve: EcCurve, signature: Uint8Array): { r: bigint; s: bigint } {
  if (signature[0] === 0x30) {
    try {
      const seq = readTlv(signature);
      const parts = children(seq);
      if (seq.end === signature.length && parts.length === 2 && parts.every((p) => p.tag === 0x02 && p.value.length > 0)) {
        return { r: bytesToBigInt(parts[0]!.value), s: bytesToBigInt(parts[1]!.value) };
      }
    } catch {
      // not DER: fall through to the plain form, which may legitimately start with 0x30
    }
  }
  if (signature.length === 0 || signature.length % 2 !== 0) throw signatureError(`length ${signature.length}`);
  const half = signature.length / 2;
  return { r: bytesToBigInt(signature.subarray(0, half)), s: bytesToBigInt(signature.subarray(half)) };
}

/**
 * True when `signature` (r||s or DER) is valid for `messageHash` under `publicKey`
 * (a point or its encoding). Malformed keys or signatures give false, never an exception,
 * except a key encoding that does not decode (EC_POINT_INVALID).
 */
export function ecdsaVerify(curve: EcCurve, publicKey: EcPoint | Uint8Array, messageHash: Uint8Array, signature: Uint8Array): boolean {
  const Q = publicKey instanceof Uint8Array ? decodePoint(curve, publicKey) : publicKey;
  if (Q.is0()) return false;
  const { n } = curve.params;
  let r: bigint;
  let s: bigint;
  try {
    ({ r, s } = parseEcdsaSignature(curve, signature));
  } catch {
    return false;
  }
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const e = hashToInteger(curve, messageHash) % n;
  const w = invert(s, n);
  const u1 = (e * w) % n;
  const u2 = (r * w) % n;
  const G = curve.Point.BASE;
  // A recurring key (CSCA, Document Signer) has its own table: u1·G and u2·Q are then additions
  // only, with G's table (built once per curve object, on the first such use). Any other key:
  // u1·G from G's table when it exists, else the joint Strauss–Shamir walk, one doubling chain
  // for both scalars and no table at all (a curve used once never pays for G's table).
  const T = Q instanceof curve.Point ? tabledKey(curve, Q) : undefined;
  let R: EcPoint;
  if (T !== undefined) {
    generatorTabled.add(curve);
    R = G.multiplyUnsafe(u1).add(T.multiplyUnsafe(u2));
  } else {
    R = generatorTabled.has(curve) ? G.multiplyUnsafe(u1).add(Q.multiplyUnsafe(u2)) : G.mulAddUnsafe(u1, Q, u2);
  }
  if (R.is0()) return false;
  return R.x % n === r;
}

/** Plain r||s signature (each left-padded to the order length) with an injected nonce source. */
export function ecdsaSign(curve: EcCurve, privateKey: bigint, messageHash: Uint8Array, random: RandomSource = systemRandom): Uint8Array {
  const { n } = curve.params;
  const e = hashToInteger(curve, messageHash) % n;
  for (let attempt = 0; attempt < 16; attempt++) {
    const k = randomScalar(curve, random);
    const r = curve.Point.BASE.multiply(k).x % n;
    if (r === 0n) continue;
    const s = (invert(k, n) * (e + r * privateKey)) % n;
    if (s === 0n) continue;
    return concat(bigIntToBytes(r, curve.orderLength), bigIntToBytes(s, curve.orderLength));
  }
  throw signatureError('could not produce a signature');
}
