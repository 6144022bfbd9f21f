/**
 * Key generation and ECDH with an injected random source, so protocol tests can replay the ICAO
 * worked examples byte for byte and production uses the OS generator.
 */
import { bytesToBigInt } from '../../bytes/bytes.ts';
import { randomBytes } from '../node-crypto.ts';
import type { EcCurve, EcPoint } from './curve.ts';
import { encodeFieldElement, pointError, scalarMultiply } from './point.ts';

/** Returns `length` random bytes. Tests inject fixed values; the default is the OS CSPRNG. */
export type RandomSource = (length: number) => Uint8Array;

export const systemRandom: RandomSource = randomBytes;

export interface EcKeyPair {
  readonly privateKey: bigint;
  readonly publicKey: EcPoint;
}

/**
 * A private scalar in [1, n-1]: orderLength random bytes with the bits above n's bit length
 * masked off, redrawn when out of range (so an injected source that returns a known key yields
 * exactly that key).
 */
export function randomScalar(curve: EcCurve, random: RandomSource = systemRandom): bigint {
  const mask = (1n << BigInt(curve.params.n.toString(2).length)) - 1n;
  for (let attempt = 0; attempt < 64; attempt++) {
    const k = bytesToBigInt(random(curve.orderLength)) & mask;
    if (k >= 1n && k < curve.params.n) return k;
  }
  throw pointError('random source produced no valid scalar');
}

/** Key pair on `generator` (default G; PACE passes the mapped generator). */
export function generateEcKeyPair(curve: EcCurve, random: RandomSource = systemRandom, generator: EcPoint = curve.Point.BASE): EcKeyPair {
  const privateKey = randomScalar(curve, random);
  return { privateKey, publicKey: scalarMultiply(curve, generator, privateKey) };
}

/** The shared point k·Q (PACE generic mapping needs the whole point H). */
export function ecdhSharedPoint(curve: EcCurve, privateKey: bigint, peerPublic: EcPoint): EcPoint {
  peerPublic.assertValidity();
  return scalarMultiply(curve, peerPublic, privateKey);
}

/** ECDH shared secret: the x-coordinate of k·Q, left-padded to the field length. */
export function ecdhSharedSecret(curve: EcCurve, privateKey: bigint, peerPublic: EcPoint): Uint8Array {
  return encodeFieldElement(curve, ecdhSharedPoint(curve, privateKey, peerPublic).x);
}
