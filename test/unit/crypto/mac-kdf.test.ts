import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { padIso9797M2, unpadIso9797M2 } from '../../../core/crypto/iso9797-padding.ts';
import { retailMac } from '../../../core/crypto/retail-mac.ts';
import { aesCmac } from '../../../core/crypto/aes-cmac.ts';
import { kdf } from '../../../core/crypto/kdf.ts';
import { adjustDesParity } from '../../../core/crypto/des.ts';
import { isEidError } from '../../../core/errors.ts';
import { vector } from '../../../fixtures/index.ts';

const v = vector('mac_retail_cmac_kdf_vectors.json');

test('ISO 9797-1 method 2 padding round-trips every vector', () => {
  for (const p of v.padding_iso9797_m2) {
    const padded = padIso9797M2(fromHex(p.in), p.block);
    assert.equal(toHex(padded), p.out);
    assert.equal(toHex(unpadIso9797M2(padded)), p.in.toUpperCase());
  }
});

test('unpadding rejects data without the 0x80 marker', () => {
  assert.throws(() => unpadIso9797M2(fromHex('0102030400000000')), (e) => isEidError(e, 'PADDING_INVALID'));
  assert.throws(() => unpadIso9797M2(new Uint8Array(8)), (e) => isEidError(e, 'PADDING_INVALID'));
  assert.throws(() => unpadIso9797M2(new Uint8Array(0)), (e) => isEidError(e, 'PADDING_INVALID'));
});

test('retail MAC (ISO 9797-1 alg. 3) matches every vector', () => {
  assert.ok(v.retail_mac_iso9797_1_alg3.length >= 10);
  for (const m of v.retail_mac_iso9797_1_alg3) {
    const data = m.pad ? padIso9797M2(fromHex(m.message), 8) : fromHex(m.message);
    assert.equal(toHex(retailMac(fromHex(m.key), data)), m.mac, m.id);
  }
});

test('retail MAC refuses unpadded input and wrong key sizes', () => {
  assert.throws(() => retailMac(new Uint8Array(16), new Uint8Array(7)), RangeError);
  assert.throws(() => retailMac(new Uint8Array(8), new Uint8Array(8)), RangeError);
});

test('AES-CMAC matches SP 800-38B and the ICAO G.1 token', () => {
  for (const m of v.aes_cmac) {
    const tag = aesCmac(fromHex(m.key), fromHex(m.message));
    if (m.mac) assert.equal(toHex(tag), m.mac, m.id);
    else assert.equal(toHex(tag.subarray(0, 8)), m.mac_truncated_8, m.id);
  }
});

test('ICAO KDF derives every vector key', () => {
  for (const k of v.kdf) {
    const cipher = k.alg === '3DES' ? '3DES' : 'AES';
    const bits = (k.alg === '3DES' ? 128 : Number(k.alg.slice(3))) as 128 | 192 | 256;
    assert.equal(toHex(kdf(fromHex(k.secret), k.counter, cipher, bits)), k.key, k.id);
  }
  const first = v.kdf[0];
  assert.equal(toHex(kdf(fromHex(first.secret), first.counter, 'DESede')), first.key);
});

test('DES parity adjustment gives odd parity to every byte', () => {
  const adjusted = adjustDesParity(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (const b of adjusted) {
    let ones = 0;
    for (let x = b; x; x >>= 1) ones += x & 1;
    assert.equal(ones % 2, 1);
  }
});
