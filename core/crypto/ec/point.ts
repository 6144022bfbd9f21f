/**
 * Point encoding and arithmetic. Every coordinate is left-padded to the field length: a
 * BigInteger-to-bytes shortcut that drops leading zeros breaks PACE on ~1 in 256 sessions.
 */
import { EidError } from '../../errors.ts';
import { bigIntToBytes, bytesToBigInt, concat } from '../../bytes/bytes.ts';
import type { EcCurve, EcPoint } from './curve.ts';

export function pointError(detail: string): EidError {
  return new EidError('EC_POINT_INVALID', { detail });
}

/** Field element as fixed-length big-endian bytes. */
export function encodeFieldElement(curve: EcCurve, value: bigint): Uint8Array {
  return bigIntToBytes(value, curve.fieldLength);
}

/** Uncompressed SEC1 encoding 04 || X || Y. */
export function encodePoint(curve: EcCurve, point: EcPoint): Uint8Array {
  if (point.is0()) throw pointError('point at infinity has no encoding');
  return concat(Uint8Array.of(0x04), encodeFieldElement(curve, point.x), encodeFieldElement(curve, point.y));
}

/**
 * Decodes an uncompressed (04||X||Y) or compressed (02/03||X) point and checks that it lies on
 * the curve and is not infinity. Wrong lengths or off-curve points give EC_POINT_INVALID.
 */
export function decodePoint(curve: EcCurve, bytes: Uint8Array): EcPoint {
  const L = curve.fieldLength;
  const prefix = bytes[0];
  if (prefix === 0x04) {
    if (bytes.length !== 1 + 2 * L) throw pointError(`expected ${1 + 2 * L} bytes, got ${bytes.length}`);
    return pointFromCoordinates(curve, bytesToBigInt(bytes.subarray(1, 1 + L)), bytesToBigInt(bytes.subarray(1 + L)));
  }
  if (prefix === 0x02 || prefix === 0x03) {
    if (bytes.length !== 1 + L) throw pointError(`expected ${1 + L} bytes, got ${bytes.length}`);
    try {
      const point = curve.Point.fromBytes(bytes);
      point.assertValidity();
      return point;
    } catch {
      throw pointError('compressed point not on the curve');
    }
  }
  throw pointError(bytes.length === 0 ? 'empty' : `unknown encoding 0x${(prefix ?? 0).toString(16)}`);
}

/** The affine point (x, y), validated to be on the curve. */
export function pointFromCoordinates(curve: EcCurve, x: bigint, y: bigint): EcPoint {
  const { p } = curve.params;
  if (x < 0n || x >= p || y < 0n || y >= p) throw pointError('coordinate out of range');
  try {
    const point = curve.Point.fromAffine({ x, y });
    point.assertValidity();
    return point;
  } catch {
    throw pointError('not on the curve');
  }
}

/** k·P for any point P (PACE multiplies mapped generators, not only G). Scalars reduce mod n. */
export function scalarMultiply(curve: EcCurve, point: EcPoint, scalar: bigint): EcPoint {
  const k = ((scalar % curve.params.n) + curve.params.n) % curve.params.n;
  if (k === 0n) throw pointError('scalar is a multiple of the group order');
  return point.multiply(k);
}

/** P + Q; a result at infinity is an error because no protocol step may produce it. */
export function pointAdd(p: EcPoint, q: EcPoint): EcPoint {
  const sum = p.add(q);
  if (sum.is0()) throw pointError('sum is the point at infinity');
  return sum;
}

/** The curve's generator G. */
export const generator = (curve: EcCurve): EcPoint => curve.Point.BASE;
