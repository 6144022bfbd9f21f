import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NAMED_CURVES, curveByName, curveFromParams, ecdsaSign, ecdsaVerify, encodePoint, generateEcKeyPair, plainToDerSignature,
  type EcCurve,
} from '../../../core/crypto/ec/index.ts';
import { bigIntToBytes } from '../../../core/bytes/bytes.ts';
import { SEEN_KEYS, TABLED_KEYS, TABLE_AT_USE, clearKeyTables, keyTableStats } from '../../../core/crypto/ec/key-tables.ts';

// Deterministic and never repeating (a small LCG would cycle and hand out the same keys again).
let draw = 0n;
const counter = (n: number) => bigIntToBytes(((++draw * 0x9e3779b97f4a7c15f39cc0605cedc835n) % ((1n << BigInt(8 * n)) - 159n)), n);
const HASH = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);

function signer(curve: EcCurve) {
  const pair = generateEcKeyPair(curve, counter);
  return { pair, key: encodePoint(curve, pair.publicKey), sig: ecdsaSign(curve, pair.privateKey, HASH, counter) };
}

test('a recurring key verifies the same before and after it is tabled, in every form, and still rejects forgeries', () => {
  for (const name of ['P-256', 'P-384', 'brainpoolP256r1', 'brainpoolP512r1'] as const) {
    clearKeyTables();
    const curve = curveByName(name);
    const { pair, key, sig } = signer(curve);
    const other = signer(curve);
    const bad = sig.slice();
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 1;
    const otherHash = HASH.slice();
    otherHash[0] = otherHash[0]! ^ 1;
    for (let use = 0; use < TABLE_AT_USE + 2; use++) {
      assert.equal(ecdsaVerify(curve, key, HASH, sig), true, `${name} use ${use}`);
      assert.equal(ecdsaVerify(curve, pair.publicKey, HASH, plainToDerSignature(sig)), true, `${name} point + DER, use ${use}`);
      assert.equal(ecdsaVerify(curve, key, HASH, bad), false, `${name} altered s, use ${use}`);
      assert.equal(ecdsaVerify(curve, key, otherHash, sig), false, `${name} other hash, use ${use}`);
      assert.equal(ecdsaVerify(curve, key, HASH, other.sig), false, `${name} other signer, use ${use}`);
      assert.equal(ecdsaVerify(curve, other.key, HASH, sig), false, `${name} other key, use ${use}`);
    }
    assert.equal(keyTableStats().tabled, 2, `${name}: both recurring keys tabled`);
  }
});

test('a hash whose value is 0 mod n (u1 = 0) verifies the same on the joint and the tabled path', () => {
  clearKeyTables();
  const curve = curveByName('P-256');
  const zero = new Uint8Array(32);
  const { key } = signer(curve);
  const pair = generateEcKeyPair(curve, counter);
  const sig = ecdsaSign(curve, pair.privateKey, zero, counter);
  const pub = encodePoint(curve, pair.publicKey);
  for (let use = 0; use < 3; use++) {
    assert.equal(ecdsaVerify(curve, pub, zero, sig), true);
    assert.equal(ecdsaVerify(curve, key, zero, sig), false);
  }
});

test('key tables stay bounded: at most TABLED_KEYS tables and SEEN_KEYS remembered keys', () => {
  clearKeyTables();
  const curve = curveByName('P-192');
  const signers = Array.from({ length: TABLED_KEYS + 4 }, () => signer(curve));
  for (let round = 0; round < TABLE_AT_USE + 4; round++) {
    for (const s of signers) assert.equal(ecdsaVerify(curve, s.key, HASH, s.sig), true);
  }
  assert.ok(keyTableStats().builds > 0);
  assert.ok(keyTableStats().tabled <= TABLED_KEYS, `tabled ${keyTableStats().tabled}`);
  // Untabled keys are forgotten least recently used first.
  for (let i = 0; i < SEEN_KEYS + 10; i++) ecdsaVerify(curve, encodePoint(curve, generateEcKeyPair(curve, counter).publicKey), HASH, signers[0]!.sig);
  assert.equal(keyTableStats().seen, SEEN_KEYS);
});

test('a rotation of more recurring keys than tables stops building tables that never pay off', () => {
  clearKeyTables();
  const curve = curveByName('P-192');
  const signers = Array.from({ length: TABLED_KEYS * 2 }, () => signer(curve));
  for (let round = 0; round < 3 * TABLE_AT_USE; round++) {
    for (const s of signers) assert.equal(ecdsaVerify(curve, s.key, HASH, s.sig), true);
  }
  // Plain LRU would build a table for every key every TABLE_AT_USE rounds (each evicted before
  // it is used): 192 here. The budget builds only as many as hits and plain verifications pay for.
  const { builds, tabled } = keyTableStats();
  assert.ok(builds <= 64, `builds ${builds}`);
  assert.ok(tabled <= TABLED_KEYS);
});

test('curve objects are cached: explicit parameters equal to a named curve give the named object; other explicit curves are kept boundedly', () => {
  for (const params of NAMED_CURVES) {
    const { p, a, b, gx, gy, n, h } = params;
    assert.equal(curveFromParams({ p, a, b, gx, gy, n, h }), curveByName(params.name));
  }
  const base = curveByName('P-192');
  // Other generators of the same group are distinct explicit parameter sets.
  const explicit = (k: bigint): EcCurve => {
    const G = base.Point.BASE.multiply(k);
    return curveFromParams({ ...base.params, gx: G.x, gy: G.y });
  };
  const first = explicit(2n);
  assert.equal(first.name, 'explicit');
  assert.equal(explicit(2n), first, 'same parameters, same object');
  for (let k = 3n; k < 3n + 40n; k++) explicit(k);
  assert.notEqual(explicit(2n), first, 'the oldest explicit curve was evicted: the cache is bounded');
  const last = explicit(42n);
  assert.equal(explicit(42n), last);
});
