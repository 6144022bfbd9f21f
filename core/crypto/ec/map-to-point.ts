/**
 * The deterministic map from a field element to a curve point that PACE Integrated Mapping uses
 * (ICAO 9303-11 Appendix B, after BSI TR-03111 / Brier et al.'s simplified SWU for p = 3 mod 4).
 * Curves with p = 1 mod 4 (NIST P-224) have no such encoding here: EC_MAP_UNSUPPORTED.
 */
import { EidError } from '../../errors.ts';
import { invert, mod, pow } from '@noble/curves/abstract/modular.js';
import type { EcCurve, EcPoint } from './curve.ts';
import { pointFromCoordinates } from './point.ts';

export function supportsPointEncoding(curve: EcCurve): boolean {
  return curve.params.p % 4n === 3n && curve.params.a !== 0n && curve.params.b !== 0n;
}

/** f_G(t): a point on the curve derived from t (reduced mod p), multiplied by the cofactor. */
export function icaoPointEncode(curve: EcCurve, t: bigint): EcPoint {
  if (!supportsPointEncoding(curve)) {
    throw new EidError('EC_MAP_UNSUPPORTED', { curve: curve.name, detail: 'needs p = 3 mod 4' });
  }
  const { p, a, b, h } = curve.params;
  const tt = mod(t, p);
  const alpha = mod(-tt * tt, p);
  const alphaSum = mod(alpha + alpha * alpha, p);
  if (alphaSum === 0n) throw new EidError('EC_POINT_INVALID', { detail: 'point encoding input is degenerate' });
  const x2 = mod(-b * invert(a, p) * (1n + invert(alphaSum, p)), p);
  const x3 = mod(alpha * x2, p);
  const h2 = mod(x2 * x2 * x2 + a * x2 + b, p);
  const u = mod(tt * tt * tt * h2, p);
  // A = h2^(p-1-(p+1)/4): A·h2 is a square root of h2 when h2 is a square, else A·U is one of h3.
  const A = pow(h2, p - 1n - (p + 1n) / 4n, p);
  const point = mod(A * A * h2, p) === 1n ? pointFromCoordinates(curve, x2, mod(A * h2, p)) : pointFromCoordinates(curve, x3, mod(A * u, p));
  return h === 1n ? point : point.multiply(h);
}
