import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../core/bytes/hex.ts';
import { readTlv, readTlvList, tlv, peekTotalLength } from '../../core/bytes/tlv.ts';
import { decodeOid, encodeOidValue } from '../../core/bytes/oid.ts';
import { integer } from '../../core/bytes/der.ts';
import { isEidError } from '../../core/errors.ts';

test('hex round trip, tolerant of spaces and colons', () => {
  assert.equal(toHex(fromHex('de:ad be ef')), 'DEADBEEF');
  assert.throws(() => fromHex('abc'), (e) => isEidError(e, 'HEX_INVALID'));
});

test('TLV with multi-byte tags and long-form lengths round-trips', () => {
  const value = new Uint8Array(300).fill(7);
  const enc = tlv(0x5f1f, value);
  assert.equal(toHex(enc.subarray(0, 5)), '5F1F82012C');
  const t = readTlv(enc);
  assert.equal(t.tag, 0x5f1f);
  assert.equal(t.value.length, 300);
  assert.equal(peekTotalLength(enc.subarray(0, 8)).totalLength, enc.length);
});

test('BER indefinite length is read only when allowed', () => {
  const enc = fromHex('3080 0401AA 0000');
  assert.throws(() => readTlv(enc), (e) => isEidError(e, 'TLV_MALFORMED'));
  const t = readTlv(enc, 0, { allowIndefinite: true });
  assert.equal(toHex(t.value), '0401AA');
  assert.equal(t.end, enc.length);
});

test('hostile TLV gives typed errors, never a crash or hang', () => {
  const cases = ['30', '3005', '308401000000', '1F', '1F8181818101', '3088FFFFFFFFFFFFFFFF00', '30 80 30 80 30 80'];
  for (const c of cases) assert.throws(() => readTlvList(fromHex(c), { allowIndefinite: true }), (e) => isEidError(e, 'TLV_MALFORMED'), c);
  const deep = fromHex('3080'.repeat(100) + '0000'.repeat(100));
  assert.throws(() => readTlv(deep, 0, { allowIndefinite: true }), (e) => isEidError(e, 'TLV_MALFORMED'));
});

test('random mutations of a valid structure never escape as untyped errors', () => {
  const base = tlv(0x30, tlv(0x02, fromHex('01')), tlv(0x31, tlv(0x04, new Uint8Array(200))));
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 2000; i++) {
    const m = base.slice(0, Math.floor(rand() * base.length) + 1);
    for (let k = 0; k < 3; k++) m[Math.floor(rand() * m.length)] = Math.floor(rand() * 256);
    try {
      readTlvList(m, { allowIndefinite: true });
    } catch (e) {
      assert.ok(isEidError(e, 'TLV_MALFORMED'), String(e));
    }
  }
});

test('OIDs and INTEGERs encode as DER', () => {
  const oid = '0.4.0.127.0.7.2.2.4.2.2';
  assert.equal(decodeOid(encodeOidValue(oid)), oid);
  assert.equal(toHex(encodeOidValue('1.2.840.113549.1.1.11')), '2A864886F70D01010B');
  assert.equal(toHex(integer(128)), '02020080');
  assert.equal(toHex(integer(-129)), '0202FF7F');
  assert.equal(toHex(integer(-128)), '020180');
});
