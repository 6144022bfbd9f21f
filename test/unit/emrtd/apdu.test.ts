import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { encodeCommand, parseCommand, parseResponse, encodeLeValue, decodeLeValue } from '../../../core/emrtd/apdu/apdu.ts';
import { sendCommand, sendExpectingOk } from '../../../core/emrtd/apdu/exchange.ts';
import { ChipStatusError, chipStatusError, SW } from '../../../core/emrtd/apdu/status-words.ts';
import { isEidError } from '../../../core/errors.ts';
import { ScriptedTransport } from './scripted-transport.ts';
import { CountingTransport } from '../../../core/emrtd/apdu/transport-stats.ts';

test('short APDU encodings: Le absent, Le 00, Lc + Le', () => {
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') })), '00A4020C02011E');
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 })), '00B0000000');
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 })), '0084000008');
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: fromHex('0102'), ne: 256 })), '0088000002010200');
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0 })), '00200000');
});

test('extended APDU encodings: Le 0000, Lc 3 bytes + Le 2 bytes, forced extended', () => {
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 })), '00B00000000000');
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 1000 })), '00B000000003E8');
  const big = new Uint8Array(300).fill(0xaa);
  const enc = encodeCommand({ cla: 0, ins: 0x2a, p1: 0, p2: 0xbe, data: big, ne: 65536 });
  assert.equal(toHex(enc.subarray(0, 7)), '002A00BE00012C');
  assert.equal(toHex(enc.subarray(enc.length - 2)), '0000');
  assert.equal(toHex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 }, true)), '00B00000000100');
});

test('command parsing inverts encoding for every case', () => {
  const cases = [
    { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c },
    { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 },
    { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') },
    { cla: 0, ins: 0x88, p1: 0, p2: 0, data: fromHex('0102030405060708'), ne: 256 },
    { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 65536 },
    { cla: 0x0c, ins: 0x2a, p1: 0, p2: 0xbe, data: new Uint8Array(383).fill(1) },
    { cla: 0x0c, ins: 0x2a, p1: 0, p2: 0xbe, data: new Uint8Array(383).fill(1), ne: 1024 },
  ];
  for (const c of cases) {
    const p = parseCommand(encodeCommand(c));
    assert.equal(p.ins, c.ins);
    assert.equal(toHex(p.data), toHex(c.data ?? new Uint8Array(0)));
    assert.equal(p.ne, c.ne);
  }
});

test('hostile command and response bytes give APDU_MALFORMED / RESPONSE_MALFORMED', () => {
  for (const hex of ['00A4', '00A4020C05011E', '00A4020C0000', '00B000000001', '00B00000000005AABB']) {
    assert.throws(() => parseCommand(fromHex(hex)), (e) => isEidError(e, 'APDU_MALFORMED'), hex);
  }
  assert.throws(() => parseResponse(fromHex('90')), (e) => isEidError(e, 'RESPONSE_MALFORMED'));
  assert.throws(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 0 }), (e) => isEidError(e, 'APDU_MALFORMED'));
  assert.throws(() => encodeCommand({ cla: 256, ins: 0xb0, p1: 0, p2: 0 }), (e) => isEidError(e, 'APDU_MALFORMED'));
});

test('Le value encoding for DO97', () => {
  assert.equal(toHex(encodeLeValue(4)), '04');
  assert.equal(toHex(encodeLeValue(256)), '00');
  assert.equal(toHex(encodeLeValue(65536)), '0000');
  assert.equal(decodeLeValue(fromHex('00')), 256);
  assert.equal(decodeLeValue(fromHex('0000')), 65536);
  assert.equal(decodeLeValue(fromHex('0123')), 0x123);
});

test('61xx answers are collected with GET RESPONSE', async () => {
  const t = new ScriptedTransport([
    ['00B0000000', '0102036104'],
    ['00C0000004', '040506076102'],
    ['00C0000002', '08099000'],
  ]);
  const r = await sendCommand(t, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 });
  assert.equal(toHex(r.data), '010203040506070809');
  assert.equal(r.sw, SW.OK);
  t.done();
});

test('6Cxx makes the command go again with the Le the chip asked for', async () => {
  const t = new ScriptedTransport([
    ['00B0000000', '6C10'],
    ['00B0000010', '00112233445566778899AABBCCDDEEFF9000'],
  ]);
  const r = await sendCommand(t, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 });
  assert.equal(r.data.length, 16);
  t.done();
});

test('failing status words become typed ChipStatusErrors', async () => {
  const t = new ScriptedTransport([['00A4020C020101', '6A82']]);
  await assert.rejects(sendExpectingOk(t, { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('0101') }, 'SELECT'), (e) => {
    assert.ok(e instanceof ChipStatusError);
    assert.equal(e.code, 'FILE_NOT_FOUND');
    assert.equal(e.sw, 0x6a82);
    return true;
  });
  assert.equal(chipStatusError(0x6982, 'READ').code, 'SECURITY_STATUS_NOT_SATISFIED');
  assert.equal(chipStatusError(0x6988, 'READ').code, 'SM_REJECTED_BY_CHIP');
  assert.equal(chipStatusError(0x6f00, 'READ').code, 'CHIP_ERROR');
});

test('CountingTransport counts APDUs and bytes and shows the inner capabilities live', async () => {
  const caps: { extendedLength?: boolean } = {};
  const inner = { capabilities: caps, transmit: async () => fromHex('01029000') };
  const counting = new CountingTransport(inner);
  await counting.transmit(fromHex('00B0000002'));
  await counting.transmit(fromHex('00B0000202'));
  assert.deepEqual(counting.stats, { apdus: 2, bytesSent: 10, bytesReceived: 8 });
  caps.extendedLength = false;
  assert.equal(counting.capabilities?.extendedLength, false);
});
