import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { readTlv } from '../../../core/bytes/tlv.ts';
import { sequence, oid, bitString } from '../../../core/bytes/der.ts';
import { generateRsaKeyPair, rsaPublicComponents } from '../../../core/crypto/node-crypto.ts';
import { parseIso9796Scheme1, verifyIso9796Scheme1 } from '../../../core/crypto/iso9796-2.ts';
import { modPow } from '../../../core/crypto/dh.ts';
import { bigIntToBytes, bytesToBigInt } from '../../../core/bytes/bytes.ts';
import { curveByName, encodePoint, generateEcKeyPair, NAMED_CURVES } from '../../../core/crypto/ec/index.ts';
import { parseDg15, encodeDg15 } from '../../../core/lds/dg15.ts';
import { parsePublicKeyInfo } from '../../../core/lds/public-key.ts';
import { performActiveAuthentication, verifyActiveAuthSignature } from '../../../core/emrtd/active-auth/active-auth.ts';
import { answerInternalAuthenticate, signActiveAuthChallenge, type AaCardKey } from '../../../core/chip/aa-card.ts';
import { encodeResponse, parseCommand } from '../../../core/emrtd/apdu/apdu.ts';
import type { Transport } from '../../../core/emrtd/apdu/transport.ts';
import { isEidError } from '../../../core/errors.ts';
import { vector } from '../../../fixtures/index.ts';
import { fixedRandom } from './fixed-random.ts';

const v = vector('active_auth_rsa_iso9796_2_vectors.json');

test('ICAO App. F: the recovered message splits into M1 and H, and H = SHA-1(M1 || M2)', () => {
  const f = fromHex(v.icao_appendix_f.F);
  const rep = parseIso9796Scheme1(f)!;
  assert.equal(toHex(rep.m1), v.icao_appendix_f.M1);
  assert.equal(toHex(rep.digest), v.icao_appendix_f.H);
  assert.equal(rep.hash, 'sha1');
  assert.ok(rep.partialRecovery);
  assert.ok(verifyIso9796Scheme1(f, fromHex(v.icao_appendix_f.M2_rnd_ifd)));
  assert.ok(!verifyIso9796Scheme1(f, fromHex('0000000000000000')));
});

test('real passport AA signatures verify against DG15 and recover M1', () => {
  const key = parseDg15(fromHex(v.real_passport.dg15)).publicKey;
  const { n, e } = rsaPublicComponents(key.raw);
  for (const s of v.real_passport.signatures) {
    const r = verifyActiveAuthSignature(key, fromHex(s.m2), fromHex(s.sig));
    assert.equal(r.status, 'PASS');
    assert.equal(r.hash, 'sha1');
    const f = bigIntToBytes(modPow(bytesToBigInt(fromHex(s.sig)), e, n), 128);
    assert.equal(toHex(parseIso9796Scheme1(f)!.m1), s.m1);
  }
});

test('BouncyCastle ISO 9796-2 vector verifies from a bare SubjectPublicKeyInfo', () => {
  const bc = v.bouncycastle_iso9796;
  const key = parsePublicKeyInfo(readTlv(fromHex(bc.spki)));
  assert.equal(verifyActiveAuthSignature(key, fromHex(bc.m2), fromHex(bc.sig)).status, 'PASS');
});

test('wrong challenge, flipped signature bit, oversized signature all FAIL', () => {
  const key = parseDg15(fromHex(v.real_passport.dg15)).publicKey;
  const s = v.real_passport.signatures[0];
  assert.equal(verifyActiveAuthSignature(key, fromHex(v.real_passport.signatures[1].m2), fromHex(s.sig)).status, 'FAIL');
  const flipped = fromHex(s.sig);
  flipped[10] = flipped[10]! ^ 0x01;
  assert.equal(verifyActiveAuthSignature(key, fromHex(s.m2), flipped).status, 'FAIL');
  assert.equal(verifyActiveAuthSignature(key, fromHex(s.m2), new Uint8Array(129).fill(0xff)).status, 'FAIL');
  assert.equal(verifyActiveAuthSignature(key, fromHex(s.m2), new Uint8Array(0)).status, 'FAIL');
});

test('DG15 samples parse as RSA keys', () => {
  for (const d of v.dg15_samples) assert.equal(parseDg15(fromHex(d.dg15)).publicKey.keyType, 'RSA');
});

function chip(key: AaCardKey, seen: number[] = []): Transport {
  return {
    transmit: async (raw) => {
      const cmd = parseCommand(raw);
      seen.push(cmd.ne ?? 0);
      const a = answerInternalAuthenticate(key, cmd);
      return encodeResponse(a.data, a.sw);
    },
  };
}

const rsa1024 = generateRsaKeyPair(1024);

test('card side RSA signer and terminal agree (SHA-1 implicit and SHA-256 explicit trailers)', async () => {
  for (const hashAlg of ['sha1', 'sha256'] as const) {
    const key: AaCardKey = { kind: 'RSA', privateKeyDer: rsa1024.privateKeyDer, hash: hashAlg };
    const r = await performActiveAuthentication(chip(key), encodeDg15(rsa1024.spkiDer));
    assert.deepEqual(r, { status: 'PASS', method: 'AA', algorithm: 'RSA-ISO9796-2', hash: hashAlg });
  }
  // A challenge the chip never signed does not pass.
  const sig = signActiveAuthChallenge({ kind: 'RSA', privateKeyDer: rsa1024.privateKeyDer }, fromHex('0102030405060708'));
  assert.equal(verifyActiveAuthSignature(parseDg15(encodeDg15(rsa1024.spkiDer)).publicKey, fromHex('0102030405060709'), sig).status, 'FAIL');
});

test('card side ECDSA (brainpoolP256r1) and terminal agree; the hash comes from DG14', async () => {
  const curve = curveByName('brainpoolP256r1');
  const pair = generateEcKeyPair(curve);
  const curveOid = NAMED_CURVES.find((c) => c.name === 'brainpoolP256r1')!.oid;
  const spki = sequence(sequence(oid('1.2.840.10045.2.1'), oid(curveOid)), bitString(encodePoint(curve, pair.publicKey)));
  const key: AaCardKey = { kind: 'EC', curve, privateKey: pair.privateKey, hash: 'sha256' };
  const r = await performActiveAuthentication(chip(key), encodeDg15(spki), { signatureAlgorithmOid: '1.2.840.10045.4.3.2' });
  assert.deepEqual(r, { status: 'PASS', method: 'AA', algorithm: 'ECDSA', hash: 'sha256' });
  const wrongHash = await performActiveAuthentication(chip(key), encodeDg15(spki), { signatureAlgorithmOid: '1.2.840.10045.4.3.3' });
  assert.equal(wrongHash.status, 'FAIL');
  await assert.rejects(performActiveAuthentication(chip(key), encodeDg15(spki)), (e) => isEidError(e, 'AA_UNSUPPORTED'));
});

test('the challenge goes out as sent, Le is the signature length, and a chip error is an error, not a result', async () => {
  const key: AaCardKey = { kind: 'RSA', privateKeyDer: rsa1024.privateKeyDer };
  const sent: Uint8Array[] = [];
  const recording: Transport = { transmit: async (raw) => { sent.push(raw); return chip(key).transmit(raw); } };
  await performActiveAuthentication(recording, encodeDg15(rsa1024.spkiDer), { random: fixedRandom('F173589974BF40C6') });
  assert.equal(toHex(sent[0]!), '0088000008F173589974BF40C680'); // RSA-1024: Le 128
  const refusing: Transport = { transmit: async () => fromHex('6D00') };
  await assert.rejects(performActiveAuthentication(refusing, encodeDg15(rsa1024.spkiDer)), (e) => isEidError(e, 'NOT_SUPPORTED_BY_CHIP'));
});

test('RSA keys above 2048 bits ask for the signature with extended Le', async () => {
  const big = generateRsaKeyPair(3072);
  const seen: number[] = [];
  const r = await performActiveAuthentication(chip({ kind: 'RSA', privateKeyDer: big.privateKeyDer }, seen), encodeDg15(big.spkiDer));
  assert.equal(r.status, 'PASS');
  assert.deepEqual(seen, [384]);
});
