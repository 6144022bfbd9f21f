import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { vector } from '../../../fixtures/index.ts';
import {
  RFC5114_1024_160, RFC5114_2048_224, RFC5114_2048_256, decodeDhPublic, dhLength, dhSharedSecret, dhSharedValue, encodeDhValue,
  generateDhKeyPair, modInverse, modPow,
} from '../../../core/crypto/dh.ts';

const g2 = vector('pace_dh_gm_rfc5114_1024_icao9303_p11_appG2.json');
const big = (h: string): bigint => BigInt('0x' + h);

test('RFC 5114 groups: g has order q, lengths match', () => {
  assert.equal(RFC5114_1024_160.p, big(g2.group.p));
  assert.equal(RFC5114_1024_160.g, big(g2.group.g));
  assert.equal(RFC5114_1024_160.q, big(g2.group.q));
  for (const [group, bytes] of [[RFC5114_1024_160, 128], [RFC5114_2048_224, 256], [RFC5114_2048_256, 256]] as const) {
    assert.equal(dhLength(group), bytes);
    assert.equal(modPow(group.g, group.q!, group.p), 1n, group.name);
  }
});

test('DH replays ICAO 9303-11 App. G.2 mapping and key agreement with injected randomness', () => {
  const group = RFC5114_1024_160;
  const m = g2.mapping;
  const terminal = generateDhKeyPair(group, () => fromHex(m.terminal_private));
  assert.equal(toHex(encodeDhValue(group, terminal.publicKey)), m.terminal_public);
  const chipPublic = decodeDhPublic(group, fromHex(m.chip_public));
  assert.equal(toHex(dhSharedSecret(group, terminal.privateKey, chipPublic)), m.shared_secret_h);
  const gTilde = big(m.mapped_generator);
  const ka = g2.key_agreement;
  const kaTerminal = generateDhKeyPair(group, () => fromHex(ka.terminal_private), gTilde);
  assert.equal(toHex(encodeDhValue(group, kaTerminal.publicKey)), ka.terminal_public);
  // The unreduced 1024-bit key of the BSI example gives the same public value: G~ has order q.
  assert.equal(modPow(gTilde, big(ka.terminal_private_alt_unreduced), group.p), kaTerminal.publicKey);
  assert.equal(toHex(dhSharedSecret(group, kaTerminal.privateKey, decodeDhPublic(group, fromHex(ka.chip_public)))), ka.shared_secret);
  assert.equal(dhSharedValue(group, big(ka.chip_private), kaTerminal.publicKey), big(ka.shared_secret));
});

test('hostile public values are rejected with DH_VALUE_INVALID', () => {
  const group = RFC5114_1024_160;
  const invalid = (e: unknown) => isEidError(e, 'DH_VALUE_INVALID');
  assert.throws(() => decodeDhPublic(group, new Uint8Array(0)), invalid);
  assert.throws(() => decodeDhPublic(group, Uint8Array.of(1)), invalid);
  assert.throws(() => decodeDhPublic(group, encodeDhValue(group, group.p - 1n)), invalid);
  assert.throws(() => decodeDhPublic(group, encodeDhValue(group, group.p)), invalid);
  assert.throws(() => decodeDhPublic(group, new Uint8Array(129).fill(1)), invalid);
  assert.throws(() => decodeDhPublic(group, Uint8Array.of(2)), invalid, '2 is not in the order-q subgroup');
  assert.throws(() => generateDhKeyPair(group, () => new Uint8Array(20)), invalid, 'a zero-only random source');
});

test('left-padding and modular inverse', () => {
  const group = RFC5114_2048_224;
  assert.equal(encodeDhValue(group, 5n).length, 256);
  assert.equal((modInverse(12345n, group.p) * 12345n) % group.p, 1n);
  assert.throws(() => modInverse(6n, 9n), (e) => isEidError(e, 'DH_VALUE_INVALID'));
  let n = 0;
  const counter = (len: number) => Uint8Array.from({ length: len }, () => (n = (n * 29 + 7) % 256));
  const a = generateDhKeyPair(group, counter);
  const b = generateDhKeyPair(group, counter);
  assert.deepEqual(dhSharedSecret(group, a.privateKey, b.publicKey), dhSharedSecret(group, b.privateKey, a.publicKey));
});
