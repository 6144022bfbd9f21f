/**
 * Elliptic curves as objects built from domain parameters with @noble/curves, so brainpool and
 * explicit parameters work the same under Node's OpenSSL and Electron's BoringSSL. Lookup by
 * name, by OID, or by explicit (p, a, b, G, n, h) — matched to a known curve when the values are
 * equal, else a new curve object is built from them (after basic sanity checks).
 */
import { weierstrass, type WeierstrassPoint, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { mulAddUnsafe } from '@noble/curves/abstract/curve.js';
import { EidError } from '../../errors.ts';
import { NAMED_CURVES, type EcDomainParameters, type NamedCurveName } from './curve-params.ts';

export type EcPoint = WeierstrassPoint<bigint>;

export interface EcCurve {
  /** Standard name ('brainpoolP256r1', 'P-256', ...) or 'explicit' for unnamed parameters. */
  readonly name: NamedCurveName | 'explicit';
  /** Named-curve OID when the curve is a known one. */
  readonly oid?: string;
  readonly params: EcDomainParameters;
  /** Bytes of one field element (coordinates are left-padded to this). */
  readonly fieldLength: number;
  /** Bytes of one scalar modulo n (ECDSA r and s are left-padded to this). */
  readonly orderLength: number;
  /** @noble/curves point constructor for this curve (BASE = G, ZERO = infinity). */
  readonly Point: WeierstrassPointCons<bigint>;
}

const byteLength = (v: bigint): number => Math.ceil(v.toString(2).length / 8);

function build(params: EcDomainParameters, name: EcCurve['name'], oid?: string): EcCurve {
  const Point = weierstrass({ p: params.p, n: params.n, h: params.h, a: params.a, b: params.b, Gx: params.gx, Gy: params.gy });
  const curve: EcCurve = { name, params, fieldLength: byteLength(params.p), orderLength: byteLength(params.n), Point };
  return oid === undefined ? curve : { ...curve, oid };
}

// Built lazily: constructing a point class is cheap, but precomputation tables are not.
const cache = new Map<NamedCurveName, EcCurve>();

function named(name: NamedCurveName): EcCurve {
  let curve = cache.get(name);
  if (curve === undefined) {
    const params = NAMED_CURVES.find((c) => c.name === name);
    if (params === undefined) throw unknownCurve(name);
    curve = build(params, params.name, params.oid);
    cache.set(name, curve);
  }
  return curve;
}

function unknownCurve(what: string): EidError {
  return new EidError('EC_CURVE_UNKNOWN', { curve: what });
}

/** Names accepted by curveByName, in the order of NAMED_CURVES. */
export const namedCurveNames: readonly NamedCurveName[] = NAMED_CURVES.map((c) => c.name);

/** Accepts the canonical names plus common aliases (secp256r1, prime256v1, brainpoolp256r1 ...). */
export function curveByName(name: string): EcCurve {
  const key = name.toLowerCase().replace(/[-_ ]/g, '');
  const aliases: Record<string, NamedCurveName> = {
    p192: 'P-192', secp192r1: 'P-192', prime192v1: 'P-192',
    p224: 'P-224', secp224r1: 'P-224',
    p256: 'P-256', secp256r1: 'P-256', prime256v1: 'P-256',
    p384: 'P-384', secp384r1: 'P-384',
    p521: 'P-521', secp521r1: 'P-521',
  };
  const canonical = aliases[key] ?? NAMED_CURVES.find((c) => c.name.toLowerCase() === key)?.name;
  if (canonical === undefined) throw unknownCurve(name);
  return named(canonical);
}

export function curveByOid(oid: string): EcCurve {
  const params = NAMED_CURVES.find((c) => c.oid === oid);
  if (params === undefined) throw unknownCurve(oid);
  return named(params.name);
}

/** The named curve with exactly these parameters, if there is one. */
export function findNamedCurve(params: EcDomainParameters): EcCurve | undefined {
  const match = NAMED_CURVES.find(
    (c) => c.p === params.p && c.a === params.a && c.b === params.b && c.gx === params.gx && c.gy === params.gy && c.n === params.n && c.h === params.h,
  );
  return match === undefined ? undefined : named(match.name);
}

function invalidParams(detail: string): EidError {
  return new EidError('EC_PARAMS_INVALID', { detail });
}

// Unnamed curves seen recently (a document's DSC and DG14 often repeat one); bounded.
const explicitCache = new Map<string, EcCurve>();
const EXPLICIT_CACHE_SIZE = 16;

/**
 * The curve for explicit domain parameters (as found in DSC/CSCA keys and DG14): the matching
 * named curve, or a new curve object. Rejects parameters that cannot describe a usable curve.
 */
export function curveFromParams(params: EcDomainParameters): EcCurve {
  const known = findNamedCurve(params);
  if (known !== undefined) return known;
  const key = [params.p, params.a, params.b, params.gx, params.gy, params.n, params.h].map((v) => v.toString(16)).join(':');
  const cached = explicitCache.get(key);
  if (cached !== undefined) return cached;
  const curve = buildExplicit(params);
  if (explicitCache.size >= EXPLICIT_CACHE_SIZE) explicitCache.delete(explicitCache.keys().next().value!);
  explicitCache.set(key, curve);
  return curve;
}

function buildExplicit(params: EcDomainParameters): EcCurve {
  const { p, a, b, gx, gy, n, h } = params;
  // Bounds keep hostile certificates from making us build absurd fields.
  if (p < 3n || p.toString(2).length > 1024 || p % 2n === 0n) throw invalidParams('field prime');
  if (n < 3n || h < 1n || n.toString(2).length > 1040) throw invalidParams('order or cofactor');
  if (a < 0n || a >= p || b < 0n || b >= p || gx < 0n || gx >= p || gy < 0n || gy >= p) throw invalidParams('element out of range');
  if ((4n * a ** 3n + 27n * b ** 2n) % p === 0n) throw invalidParams('singular curve');
  if ((gy * gy - (gx ** 3n + a * gx + b)) % p !== 0n) throw invalidParams('generator not on curve');
  try {
    const curve = build(params, 'explicit');
    // n·G must be infinity, else n is not the generator's order. A plain wNAF walk: going through
    // multiplyUnsafe would build G's precomputed table for a curve that may verify only once.
    if (!mulAddUnsafe(curve.Point, [curve.Point.BASE], [n - 1n]).add(curve.Point.BASE).is0()) throw invalidParams('generator order');
    return curve;
  } catch (e) {
    if (e instanceof EidError) throw e;
    throw invalidParams(e instanceof Error ? e.message : 'rejected');
  }
}
