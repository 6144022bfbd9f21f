/**
 * Precomputed multiples for public keys that verify again and again. A terminal checks every
 * document against a handful of CSCA keys (a DS certificate and a CRL per read) and a few
 * Document Signer keys (one DS signs many documents), so these keys recur; a chip's own key
 * does not. A key is tabled on its second use, never its first: building a table costs a few
 * scalar multiplications, which a key seen once would never pay back. With the key's table and
 * the generator's, u1·G + u2·Q is additions only.
 *
 * Bounded: at most TABLED_KEYS tables (least recently used dropped) and SEEN_KEYS keys
 * remembered as seen once, across all curves. Only public points are tabled; these tables feed
 * the variable-time (multiplyUnsafe) path of signature verification alone.
 */
import type { EcCurve, EcPoint } from './curve.ts';

/** Window of a key's table: ceil(bits/4)+1 windows of 8 points (776 points for P-384). */
export const KEY_WINDOW = 4;
export const TABLED_KEYS = 32;
export const SEEN_KEYS = 256;

const curveIds = new WeakMap<EcCurve, number>();
let nextCurveId = 0;
const seenOnce = new Map<string, true>();
const tabled = new Map<string, EcPoint>();

function keyOf(curve: EcCurve, Q: EcPoint): string {
  let id = curveIds.get(curve);
  if (id === undefined) {
    id = nextCurveId++;
    curveIds.set(curve, id);
  }
  const { x, y } = Q.toAffine();
  return `${id}:${x.toString(16)}:${y.toString(16)}`;
}

/**
 * The tabled copy of the valid, finite public key Q (a point of `curve`), or undefined while Q
 * has not been seen before. The table itself is built lazily by its first multiplication.
 */
export function tabledKey(curve: EcCurve, Q: EcPoint): EcPoint | undefined {
  const key = keyOf(curve, Q);
  const hit = tabled.get(key);
  if (hit !== undefined) {
    tabled.delete(key);
    tabled.set(key, hit);
    return hit;
  }
  if (!seenOnce.delete(key)) {
    if (seenOnce.size >= SEEN_KEYS) seenOnce.delete(seenOnce.keys().next().value!);
    seenOnce.set(key, true);
    return undefined;
  }
  // A fresh instance: tables hang off point identity, and the caller's point is not ours to mark.
  const { x, y } = Q.toAffine();
  const point = curve.Point.fromAffine({ x, y }).precompute(KEY_WINDOW);
  if (tabled.size >= TABLED_KEYS) tabled.delete(tabled.keys().next().value!);
  tabled.set(key, point);
  return point;
}

/** Sizes of the two caches (for tests). */
export function keyTableStats(): { tabled: number; seenOnce: number } {
  return { tabled: tabled.size, seenOnce: seenOnce.size };
}

/** Forgets every key (for tests and benchmarks). */
export function clearKeyTables(): void {
  tabled.clear();
  seenOnce.clear();
}
