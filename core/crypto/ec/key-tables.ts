/**
 * Precomputed multiples for public keys that verify again and again. A terminal checks every
 * document against a handful of CSCA keys (a DS certificate and a CRL per read) and a few
 * Document Signer keys (one DS signs many documents), so these keys recur; a chip's own key
 * does not. A key is tabled on its TABLE_AT_USE-th use: building a table costs about five
 * verifications' worth of point additions, which a key seen once or twice would never pay back.
 * With the key's table and the generator's, u1·G + u2·Q is additions only.
 *
 * Bounded: at most TABLED_KEYS tables (least recently used dropped; about 120-330 KiB each, from
 * P-256 to brainpoolP512r1) and SEEN_KEYS untabled keys with their use counts, across all curves. A
 * build budget keeps a rotation of more recurring keys than there are tables (every key evicted
 * before its table is used) from paying a build every few verifications: a build spends a
 * token, a table hit earns a quarter of one (a table pays for itself in about four uses), an
 * untabled verification earns a little, so building stops when tables do not pay and resumes
 * when they do.
 *
 * Only public points are tabled; these tables feed the variable-time (multiplyUnsafe) path of
 * signature verification alone.
 */
import type { EcCurve, EcPoint } from './curve.ts';

/** Window of a key's table: ceil(bits/5)+1 windows of 16 points (1248 points for P-384). */
export const KEY_WINDOW = 5;
export const TABLED_KEYS = 32;
export const SEEN_KEYS = 256;
export const TABLE_AT_USE = 3;
const BUILD_TOKENS = 8;
const TOKENS_PER_HIT = 1 / 4;
const TOKENS_PER_MISS = 1 / 32;
let tokens = BUILD_TOKENS;
let builds = 0;
const earn = (n: number): void => {
  tokens = Math.min(BUILD_TOKENS, tokens + n);
};

const curveIds = new WeakMap<EcCurve, number>();
let nextCurveId = 0;
/** Untabled keys and how often each was used, least recently used first. */
const seen = new Map<string, number>();
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
 * has been used fewer than TABLE_AT_USE times (or the build budget is spent). The table itself is built lazily by its first multiplication.
 */
export function tabledKey(curve: EcCurve, Q: EcPoint): EcPoint | undefined {
  const key = keyOf(curve, Q);
  const hit = tabled.get(key);
  if (hit !== undefined) {
    tabled.delete(key);
    tabled.set(key, hit);
    earn(TOKENS_PER_HIT);
    return hit;
  }
  earn(TOKENS_PER_MISS);
  const uses = (seen.get(key) ?? 0) + 1;
  seen.delete(key);
  if (uses < TABLE_AT_USE || tokens < 1) {
    if (seen.size >= SEEN_KEYS) seen.delete(seen.keys().next().value!);
    seen.set(key, uses);
    return undefined;
  }
  tokens -= 1;
  builds++;
  // A fresh instance: tables hang off point identity, and the caller's point is not ours to mark.
  const { x, y } = Q.toAffine();
  const point = curve.Point.fromAffine({ x, y }).precompute(KEY_WINDOW);
  if (tabled.size >= TABLED_KEYS) tabled.delete(tabled.keys().next().value!);
  tabled.set(key, point);
  return point;
}

/** Sizes of the two caches and tables built since the last clear (for tests). */
export function keyTableStats(): { tabled: number; seen: number; builds: number } {
  return { tabled: tabled.size, seen: seen.size, builds };
}

/** Forgets every key (for tests and benchmarks). */
export function clearKeyTables(): void {
  tabled.clear();
  seen.clear();
  tokens = BUILD_TOKENS;
  builds = 0;
}
