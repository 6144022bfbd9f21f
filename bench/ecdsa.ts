/**
 * ECDSA verification cost per curve (P-256, P-384, brainpoolP256r1, brainpoolP512r1 given as
 * explicit parameters), against a baseline measured in the same run: the previous verification
 * (u1·G through G's lazily built window-6 table, plus u2·Q by a separate width-4 wNAF walk) on a
 * freshly built noble curve. Three cases:
 * - a recurring key (CSCA, Document Signer): the key is tabled on its second use;
 * - a key seen for the first time (a new key for every signature);
 * - a rotation of more recurring keys than there are key tables (the worst case for the cache);
 * - cold: the first verification on a curve object nobody has used yet (generator tables built
 *   by whoever needs them), as a one-shot `eid-terminal verify` pays it.
 * Times are per verification, in milliseconds; ratio = baseline / ours (above 1 is faster).
 */
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { invert } from '@noble/curves/abstract/modular.js';
import { bytesToBigInt } from '../core/bytes/bytes.ts';
import {
  TABLED_KEYS, clearKeyTables, curveByName, curveFromParams, decodePoint, ecdsaSign, ecdsaVerify, encodePoint, generateEcKeyPair,
  keyTableStats, parseEcdsaSignature, type EcCurve,
} from '../core/crypto/ec/index.ts';
import type { BenchRow } from './run.ts';

/** A curve object as curve.ts builds one, but new: no cache, no table built yet. */
function freshCurve(of: EcCurve): EcCurve {
  const p = of.params;
  const Point = weierstrass({ p: p.p, n: p.n, h: p.h, a: p.a, b: p.b, Gx: p.gx, Gy: p.gy });
  return { name: 'explicit', params: p, fieldLength: of.fieldLength, orderLength: of.orderLength, Point };
}

/** The verification this module replaced, step for step. */
function previousVerify(curve: EcCurve, publicKey: Uint8Array, messageHash: Uint8Array, signature: Uint8Array): boolean {
  const Q = decodePoint(curve, publicKey);
  const { n } = curve.params;
  const { r, s } = parseEcdsaSignature(curve, signature);
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const excess = messageHash.length * 8 - n.toString(2).length;
  const e = (excess > 0 ? bytesToBigInt(messageHash) >> BigInt(excess) : bytesToBigInt(messageHash)) % n;
  const w = invert(s, n);
  const R = curve.Point.BASE.multiplyUnsafe((e * w) % n).add(Q.multiplyUnsafe((r * w) % n));
  return !R.is0() && R.x % n === r;
}

type Verify = (curve: EcCurve, publicKey: Uint8Array, messageHash: Uint8Array, signature: Uint8Array) => boolean;
interface Signed { key: Uint8Array; hash: Uint8Array; sig: Uint8Array }

function signed(curve: EcCurve, count: number): Signed[] {
  return Array.from({ length: count }, (_, i) => {
    const pair = generateEcKeyPair(curve);
    const hash = new Uint8Array(Math.min(64, curve.orderLength)).fill(i + 1);
    return { key: encodePoint(curve, pair.publicKey), hash, sig: ecdsaSign(curve, pair.privateKey, hash) };
  });
}

const check = (verify: Verify, curve: EcCurve, c: Signed): void => {
  if (!verify(curve, c.key, c.hash, c.sig)) throw new Error('bench signature did not verify');
};

/** Milliseconds per verification of one signature again and again (after a warm-up), for about budgetMs. */
function recurring(budgetMs: number, curve: EcCurve, c: Signed, verify: Verify): number {
  for (let i = 0; i < 3; i++) check(verify, curve, c);
  let n = 0;
  const start = performance.now();
  for (; performance.now() - start < budgetMs; n++) check(verify, curve, c);
  return (performance.now() - start) / n;
}

/** Milliseconds per verification when every signature is under a key not seen before. */
function onceEach(curve: EcCurve, cases: readonly Signed[], verify: Verify): number {
  check(verify, curve, cases[0]!);
  const start = performance.now();
  for (const c of cases.slice(1)) check(verify, curve, c);
  return (performance.now() - start) / (cases.length - 1);
}

/** Median cost of the first verification on a new curve object, over `rounds` curve objects. */
function cold(rounds: number, named: EcCurve, c: Signed, verify: Verify): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const curve = freshCurve(named);
    const t = performance.now();
    if (!verify(curve, c.key, c.hash, c.sig)) throw new Error('bench signature did not verify');
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<BenchRow[]> {
  const bp512 = curveByName('brainpoolP512r1').params;
  const curves: [string, EcCurve][] = [
    ['P-256', curveByName('P-256')],
    ['P-384', curveByName('P-384')],
    ['brainpoolP256r1', curveByName('brainpoolP256r1')],
    ['brainpoolP512r1 (explicit parameters)', curveFromParams({ p: bp512.p, a: bp512.a, b: bp512.b, gx: bp512.gx, gy: bp512.gy, n: bp512.n, h: bp512.h })],
  ];
  const rows: BenchRow[] = [];
  const row = (name: string, ours: number, base: number, note?: string): BenchRow =>
    ({ name, value: ours, unit: 'ms', baseline: base, ratio: base / ours, ...(note ? { note } : {}) });
  for (const [label, curve] of curves) {
    clearKeyTables();
    const baseCurve = freshCurve(curve);
    const [one] = signed(curve, 1);
    const many = signed(curve, 100);
    rows.push(row(`ECDSA verify ${label}, recurring key`, recurring(800, curve, one!, ecdsaVerify), recurring(800, baseCurve, one!, previousVerify)));
    clearKeyTables();
    rows.push(row(`ECDSA verify ${label}, new key each time`, onceEach(curve, many, ecdsaVerify), onceEach(baseCurve, many, previousVerify), `${many.length} keys, each used once`));
    clearKeyTables();
    const rotation = [...many.slice(0, TABLED_KEYS + 8)];
    const rounds = Array.from({ length: 4 }, () => rotation).flat();
    rows.push(row(`ECDSA verify ${label}, ${rotation.length} keys in rotation`, onceEach(curve, rounds, ecdsaVerify), onceEach(baseCurve, rounds, previousVerify), `4 rounds; tables built ${keyTableStats().builds}`));
    rows.push(row(`ECDSA verify ${label}, cold curve object`, cold(5, curve, one!, ecdsaVerify), cold(5, curve, one!, previousVerify), 'first verification, tables not built'));
  }
  return rows;
}
