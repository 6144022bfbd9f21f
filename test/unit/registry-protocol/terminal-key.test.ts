import { test } from 'node:test';
import assert from 'node:assert/strict';
import { algOfSpki, generateTerminalKey, signWithTerminalKey, verifyWithSpki } from '../../../core/registry-protocol/terminal-key.ts';
import { parseSignature, signRequest, verifyRequestSignature } from '../../../core/registry-protocol/http-signature.ts';
import { utf8 } from '../../../core/bytes/bytes.ts';
import { fromHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';

test('Ed25519 and P-256 terminal keys sign and verify; the SPKI names its algorithm', () => {
  for (const alg of ['ed25519', 'ecdsa-p256-sha256'] as const) {
    const key = generateTerminalKey(alg);
    assert.equal(algOfSpki(key.spkiDer), alg);
    const sig = signWithTerminalKey(key, utf8('signature base'));
    assert.equal(sig.length, 64);
    assert.equal(verifyWithSpki(key.spkiDer, alg, utf8('signature base'), sig), true);
    assert.equal(verifyWithSpki(key.spkiDer, alg, utf8('signature base!'), sig), false);
    assert.equal(verifyWithSpki(generateTerminalKey(alg).spkiDer, alg, utf8('signature base'), sig), false);
  }
});

test('a signature claiming another algorithm than the enrolled key is refused', () => {
  const ec = generateTerminalKey('ecdsa-p256-sha256');
  const sig = signWithTerminalKey(ec, utf8('x'));
  assert.equal(verifyWithSpki(ec.spkiDer, 'ed25519', utf8('x'), sig), false);
  const req = { method: 'GET', url: '/v1/trust-list' };
  const h = signRequest(req, { keyId: 't', created: 1, nonce: 'abcdefghijkl' }, ec);
  assert.match(h['signature-input'], /alg="ecdsa-p256-sha256"/);
  verifyRequestSignature(req, undefined, parseSignature(h['signature-input'], h.signature), ec.spkiDer);
  const lying = parseSignature(h['signature-input'].replace('ecdsa-p256-sha256', 'ed25519'), h.signature);
  assert.throws(() => verifyRequestSignature(req, undefined, lying, ec.spkiDer), (e: unknown) => isEidError(e, 'SIGNATURE_INVALID'));
});

test('keys of other kinds or with an off-curve point are not terminal keys', () => {
  const ec = generateTerminalKey('ecdsa-p256-sha256').spkiDer.slice();
  ec[ec.length - 1]! ^= 1; // Y no longer matches X
  assert.equal(algOfSpki(ec), undefined);
  // An RSA SPKI header, and truncations.
  assert.equal(algOfSpki(fromHex('30819f300d06092a864886f70d010101050003818d00')), undefined);
  assert.equal(algOfSpki(generateTerminalKey().spkiDer.subarray(0, 43)), undefined);
  assert.equal(algOfSpki(new Uint8Array(0)), undefined);
});
