import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { bytesToBigInt } from '../../../core/bytes/bytes.ts';
import { isEidError } from '../../../core/errors.ts';
import { vector } from '../../../fixtures/index.ts';
import {
  NAMED_CURVES, curveByName, curveByOid, curveFromParams, decodePoint, ecdhSharedPoint, ecdhSharedSecret, ecdsaSign, ecdsaVerify,
  encodePoint, generateEcKeyPair, parseEcdsaSignature, plainToDerSignature, pointFromCoordinates, scalarMultiply,
} from '../../../core/crypto/ec/index.ts';

const g1 = vector('pace_ecdh_gm_brainpoolp256r1_icao9303_p11_appG1.json');
const big = (h: string): bigint => BigInt('0x' + h);
const fixed = (hex: string) => () => fromHex(hex);

test('every named curve has a valid generator of order n and is found by name, OID and explicit parameters', () => {
  for (const params of NAMED_CURVES) {
    const curve = curveByName(params.name);
    assert.equal(curveByOid(params.oid), curve);
    assert.equal(curveFromParams({ p: params.p, a: params.a, b: params.b, gx: params.gx, gy: params.gy, n: params.n, h: params.h }), curve);
    curve.Point.BASE.assertValidity();
    assert.ok(curve.Point.BASE.multiplyUnsafe(params.n - 1n).add(curve.Point.BASE).is0(), `${params.name}: n·G = O`);
  }
  assert.equal(curveByName('secp256r1').name, 'P-256');
  assert.equal(curveByName('prime256v1').name, 'P-256');
  assert.equal(curveByName('BrainpoolP384R1').name, 'brainpoolP384r1');
  assert.throws(() => curveByName('curve25519'), (e) => isEidError(e, 'EC_CURVE_UNKNOWN'));
  assert.throws(() => curveByOid('1.2.3'), (e) => isEidError(e, 'EC_CURVE_UNKNOWN'));
});

test('unknown explicit parameters give a working curve; nonsense parameters a typed error', () => {
  const bp = curveByName('brainpoolP256r1');
  const G2 = bp.Point.BASE.double();
  const other = curveFromParams({ ...bp.params, gx: G2.x, gy: G2.y });
  assert.equal(other.name, 'explicit');
  assert.equal(curveFromParams({ ...bp.params, gx: G2.x, gy: G2.y }), other, 'the same explicit parameters reuse one curve object');
  const pair = generateEcKeyPair(other, fixed('01'.padStart(64, '0')));
  assert.equal(pair.publicKey.x, G2.x);
  const invalid = (e: unknown) => isEidError(e, 'EC_PARAMS_INVALID');
  assert.throws(() => curveFromParams({ ...bp.params, gy: bp.params.gy ^ 1n }), invalid);
  assert.throws(() => curveFromParams({ ...bp.params, gx: G2.x, gy: G2.y, n: bp.params.n - 2n }), invalid);
  assert.throws(() => curveFromParams({ ...bp.params, a: 0n, b: 0n, gx: 0n, gy: 0n }), invalid);
  assert.throws(() => curveFromParams({ ...bp.params, p: 1n << 2000n }), invalid);
});

test('point encoding is fixed-length (left-padded) and decoding validates', () => {
  const curve = curveByName('brainpoolP256r1');
  // Find a multiple of G whose x has a leading zero byte: the classic padding bug.
  let k = 1n;
  let P = curve.Point.BASE;
  while (P.x >= 1n << 248n) {
    k += 1n;
    P = P.add(curve.Point.BASE);
  }
  const encoded = encodePoint(curve, P);
  assert.equal(encoded.length, 65);
  assert.equal(encoded[1], 0);
  assert.ok(decodePoint(curve, encoded).equals(P));
  assert.ok(decodePoint(curve, P.toBytes(true)).equals(P), 'compressed form');
  const invalid = (e: unknown) => isEidError(e, 'EC_POINT_INVALID');
  assert.throws(() => decodePoint(curve, encoded.subarray(0, 64)), invalid);
  assert.throws(() => decodePoint(curve, new Uint8Array(0)), invalid);
  assert.throws(() => decodePoint(curve, Uint8Array.of(0x05, ...encoded.subarray(1))), invalid);
  const offCurve = encoded.slice();
  offCurve[64] = offCurve[64]! ^ 1;
  assert.throws(() => decodePoint(curve, offCurve), invalid);
  assert.throws(() => pointFromCoordinates(curve, curve.params.p, 1n), invalid);
  assert.throws(() => scalarMultiply(curve, P, curve.params.n), invalid);
});

test('ECDH replays ICAO 9303-11 App. G.1 (brainpoolP256r1) with injected randomness', () => {
  const curve = curveByName('brainpoolP256r1');
  const m = g1.mapping;
  const terminal = generateEcKeyPair(curve, fixed(m.terminal_private));
  assert.equal(toHex(encodePoint(curve, terminal.publicKey)), '04' + m.terminal_public_x + m.terminal_public_y);
  const chipPublic = decodePoint(curve, fromHex('04' + m.chip_public_x + m.chip_public_y));
  const H = ecdhSharedPoint(curve, terminal.privateKey, chipPublic);
  assert.equal(toHex(encodePoint(curve, H)), '04' + m.shared_point_h_x + m.shared_point_h_y);
  const ka = g1.key_agreement;
  const chip = decodePoint(curve, fromHex('04' + ka.chip_public_x + ka.chip_public_y));
  assert.equal(toHex(ecdhSharedSecret(curve, big(ka.terminal_private), chip)), ka.shared_secret_x);
  // Both sides agree.
  const terminalPublic = decodePoint(curve, fromHex('04' + ka.terminal_public_x + ka.terminal_public_y));
  assert.equal(toHex(ecdhSharedSecret(curve, big(ka.chip_private), terminalPublic)), ka.shared_secret_x);
});

// Produced by `openssl dgst -sha256 -sign` over "eID terminal test message" (DER signatures).
const SHA256_MSG = fromHex('8c09f704aee0f260a55dc3e394ed8ec30c04eb882ee274ebe59a180cbcba039c');
const OPENSSL = [
  {
    curve: 'brainpoolP256r1',
    point: '045c3f821ca1ef85fe9373ca43f369ffb154bd9a8553ce03ab120e3e96969dda9616a7b73a448ac739137b8098d9fdac1d0f8c70c4a9d0a42471b007bce24a83cd',
    sig: '304502201c65e81914a775d686df3dd0e9e10f5366f58a8b8060067cb8753ca740a7416102210087aed69684728d8153143bed1c835628f624f154dd4b58037e1b0c3a210c9fe3',
  },
  {
    curve: 'P-521',
    point: '040174b3dd7e2cf4ea63219661907af72934050f2561c52638167d2054685400342aa35adef6b24c30e818ced687858905437bbf2acc013c4cc725b63278d557688ab50033c31533a34ae240dea3701fc463d999349dee792487bfbb6a34cf3b0fd1665b94c38a26e45a0e33ef8dd210a5f23b48a97eadb85015997bf26519669ae5f321b8',
    sig: '3081880242009b8898e1c1768b6f626c3281d7836c75d878d285e32817345e812221eca51e5546a37c8a8685abaa43350cf6b5d51eadc2264e4c80f126c5189297516671d04f0a02420135ee20dcd15fdea7e8bbd74ebb141a7349a658b404a77f07bb9dfe867a8c312202f4bb93bbde976a8a8b7ce7fc56405353f8ac16db5ad0dd457fe3f79dc4414e50',
  },
];

test('ECDSA verifies OpenSSL signatures in DER and plain r||s form, and rejects tampering', () => {
  for (const v of OPENSSL) {
    const curve = curveByName(v.curve);
    const sig = fromHex(v.sig);
    assert.ok(ecdsaVerify(curve, fromHex(v.point), SHA256_MSG, sig), `${v.curve} DER`);
    const { r, s } = parseEcdsaSignature(curve, sig);
    const plain = fromHex(r.toString(16).padStart(curve.orderLength * 2, '0') + s.toString(16).padStart(curve.orderLength * 2, '0'));
    assert.ok(ecdsaVerify(curve, fromHex(v.point), SHA256_MSG, plain), `${v.curve} plain`);
    const otherHash = SHA256_MSG.slice();
    otherHash[0] = otherHash[0]! ^ 1;
    assert.equal(ecdsaVerify(curve, fromHex(v.point), otherHash, sig), false);
    assert.equal(ecdsaVerify(curve, fromHex(v.point), SHA256_MSG, plain.subarray(1)), false);
    assert.equal(ecdsaVerify(curve, fromHex(v.point), SHA256_MSG, new Uint8Array(curve.orderLength * 2)), false);
    assert.equal(ecdsaVerify(curve, curve.Point.ZERO, SHA256_MSG, sig), false, 'infinity is no key');
  }
});

test('ECDSA sign/verify round trip on every curve, with hashes shorter or longer than n', () => {
  let seed = 1;
  const counter = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 73 + 41) % 251));
  for (const [i, params] of NAMED_CURVES.entries()) {
    const curve = curveByName(params.name);
    const key = generateEcKeyPair(curve, counter);
    // Alternate a 32- and a 64-byte hash: shorter than n on the big curves, truncated on the small.
    for (const hash of [i % 2 === 0 ? SHA256_MSG : fromHex('ab'.repeat(64))]) {
      const sig = ecdsaSign(curve, key.privateKey, hash, counter);
      assert.equal(sig.length, 2 * curve.orderLength);
      assert.ok(ecdsaVerify(curve, key.publicKey, hash, sig), params.name);
      assert.ok(ecdsaVerify(curve, encodePoint(curve, key.publicKey), hash, plainToDerSignature(sig)), `${params.name} DER`);
      const other = generateEcKeyPair(curve, counter);
      assert.equal(ecdsaVerify(curve, other.publicKey, hash, sig), false);
    }
  }
  // A 0x30-leading plain signature is still read as r||s when it is not valid DER.
  const curve = curveByName('P-256');
  const plain = fromHex('30' + '11'.repeat(63));
  const { r } = parseEcdsaSignature(curve, plain);
  assert.equal(r, bytesToBigInt(plain.subarray(0, 32)));
});
