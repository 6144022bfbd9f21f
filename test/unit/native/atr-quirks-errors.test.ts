import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { parseAtr } from '../../../native/atr.ts';
import { READER_QUIRKS, quirksFor } from '../../../native/reader-quirks.ts';
import { ExtendedLengthMemory, decideExtendedLength } from '../../../native/extended-length.ts';
import { render } from '../../../core/messages/render.ts';
import { pcscFailure } from '../../../native/pcsc-errors.ts';

test('ATR: protocols and card capabilities with the extended-length bit', () => {
  // Contactless T=1 ATR synthesised by a reader, historical 80 73 xx xx E0: chaining + extended.
  const extended = parseAtr(fromHex('3B8880014180730000E0829000E6'.slice(0, 2 * 14)));
  assert.deepEqual(extended.protocols, [0, 1]);
  assert.equal(extended.extendedLength, undefined);
  const caps = parseAtr(fromHex('3B8480018073C0E0' + '00'));
  assert.deepEqual(caps.protocols, [0, 1]);
  assert.deepEqual(caps.historical, fromHex('8073C0E0'.slice(0, 8)));
  const withCaps = parseAtr(fromHex('3B85800180730000E0'));
  assert.equal(withCaps.extendedLength, true);
  assert.equal(withCaps.commandChaining, true);
  const noExt = parseAtr(fromHex('3B8580018073000080'));
  assert.equal(noExt.extendedLength, false);
  assert.equal(noExt.commandChaining, true);
  // Plain T=0 card: no TD bytes, T=0 implied, no capabilities.
  const t0 = parseAtr(fromHex('3B021450'));
  assert.deepEqual(t0.protocols, [0]);
  assert.equal(t0.extendedLength, undefined);
});

test('ATR: malformed input is a typed error, never a crash', () => {
  for (const bad of ['', '3B', '3B8F', '3B8880', '3B0F01', '3B' + 'FF'.repeat(40)]) {
    assert.throws(() => parseAtr(fromHex(bad)), (e) => isEidError(e, 'ATR_MALFORMED'), bad);
  }
});

test('quirks: matched by reader name, combined, absent for unknown readers', () => {
  assert.equal(quirksFor('ACS ACR122U PICC Interface 00 00')?.extendedLength, false);
  assert.equal(quirksFor('ACS ACR122U PICC Interface 00 00')?.maxResponseLength, 256);
  assert.equal(quirksFor('ACS ACR1281 1S Dual Reader [ACR1281 1S Dual Reader PICC] 00 01')?.extendedLength, false);
  assert.equal(quirksFor('Identiv uTrust 3700 F CL Reader [uTrust 3700 F CL Reader] 00 00'), undefined);
  const table = [
    { match: /Foo/, extendedLength: false as const, reason: 'a' },
    { match: /Foo 2/, maxResponseLength: 128, reason: 'b' },
  ];
  const merged = quirksFor('Foo 2 00 00', table);
  assert.equal(merged?.extendedLength, false);
  assert.equal(merged?.maxResponseLength, 128);
  assert.equal(merged?.reason, 'a; b');
  for (const q of READER_QUIRKS) assert.ok(q.reason.length > 10, 'every quirk says why');
});

test('extended-length decision: quirk, protocol, memory, ATR "no", else unknown', () => {
  const memory = new ExtendedLengthMemory(2);
  const atr = fromHex('3B85800180730000E0');
  assert.equal(decideExtendedLength('ACS ACR1252 00 00', atr, 'T1', memory).source, 'quirk');
  assert.equal(decideExtendedLength('R', atr, 'T0', memory).extendedLength, false);
  assert.deepEqual(decideExtendedLength('R', atr, 'T1', memory).extendedLength, undefined);
  assert.equal(decideExtendedLength('R', fromHex('3B8580018073000080'), 'T1', memory).source, 'atr');
  memory.set('R', atr, true);
  assert.equal(decideExtendedLength('R', atr, 'T1', memory).source, 'memory');
  // Bounded memory: the oldest entry goes.
  memory.set('S', atr, false);
  memory.set('T', atr, false);
  assert.equal(memory.get('R', atr), undefined);
  assert.equal(memory.get('T', atr), false);
});

test('PC/SC messages map to stable codes with English and Vietnamese text', () => {
  const cases: [string, string][] = [
    ['Card was removed', 'CARD_REMOVED'],
    ['Card was reset', 'CARD_RESET'],
    ['Reader unavailable', 'READER_UNAVAILABLE'],
    ['Unknown reader', 'READER_UNAVAILABLE'],
    ['PC/SC service not running', 'PCSC_UNAVAILABLE'],
    ['PC/SC service stopped', 'PCSC_UNAVAILABLE'],
    ['Sharing violation', 'READER_BUSY'],
    ['Operation timed out', 'TRANSPORT_TIMEOUT'],
    ['Card is unresponsive', 'CARD_UNRESPONSIVE'],
    ['Transaction failed', 'PCSC_ERROR'],
  ];
  for (const [message, code] of cases) {
    const e = pcscFailure(new Error(message), 'Reader 00 00');
    assert.equal(e.code, code, message);
    assert.ok(e.message.includes('Reader 00 00') && render('vi', e).length > 20);
  }
  const typed = pcscFailure(new Error('x'));
  assert.equal(pcscFailure(typed), typed, 'EidErrors pass through unchanged');
});
