/** Card-side behaviour of the virtual chip: access rules, Vietnamese quirks, Le limits and faults. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { encodeCommand, parseResponse, type CommandApdu } from '../../core/emrtd/apdu/apdu.ts';
import { FileReader } from '../../core/emrtd/read/read-file.ts';
import { isEidError } from '../../core/errors.ts';
import type { Transport } from '../../core/emrtd/apdu/transport.ts';
import { newChip, openChip, selectApplication } from './terminal-side.ts';

const cccd = buildDocument('cccd-2021');
const passport = buildDocument('icao-td3-passport');

async function send(t: Transport, cmd: CommandApdu) {
  return parseResponse(await t.transmit(encodeCommand(cmd)));
}
const selectFid = (fid: number): CommandApdu => ({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fid >> 8, fid & 0xff) });

test('SELECT MF answers 6D00 when configured like a Vietnamese card, 9000 otherwise', async () => {
  const vn = newChip(cccd, { quirks: { selectMf: 0x6d00 } }).transport;
  assert.equal((await send(vn, { cla: 0, ins: 0xa4, p1: 0, p2: 0x0c, data: Uint8Array.of(0x3f, 0) })).sw, 0x6d00);
  const other = newChip(passport).transport;
  assert.equal((await send(other, { cla: 0, ins: 0xa4, p1: 0, p2: 0x0c, data: Uint8Array.of(0x3f, 0) })).sw, 0x9000);
});

test('before access control: data groups answer 6982, EF.CardAccess reads freely, unknown AID 6A82', async () => {
  const { transport } = newChip(passport);
  assert.equal((await send(transport, { cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: Uint8Array.of(0xa0, 0, 0, 0, 0x99) })).sw, 0x6a82);
  const cardAccess = await new FileReader(transport).readFile(0x011c);
  assert.deepEqual(cardAccess, passport.files.get('CardAccess'));
  assert.equal(await selectApplication(transport), 0x9000);
  assert.equal((await send(transport, selectFid(0x0101))).sw, 0x6982);
  assert.equal((await send(transport, { cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 4 })).sw, 0x6982);
});

test('after BAC: DG3 answers 6982 and an absent DG11 6A82, as on real CCCDs', async () => {
  const { transport } = newChip(cccd);
  const sm = await openChip(cccd, transport, 'BAC');
  assert.equal((await send(sm, selectFid(0x0103))).sw, 0x6982);
  assert.equal((await send(sm, selectFid(0x010b))).sw, 0x6a82);
  // READ BINARY by SFI selects and reads in one command.
  const r = await send(sm, { cla: 0, ins: 0xb0, p1: 0x80 | 0x01, p2: 0, ne: 4 });
  assert.equal(r.sw, 0x9000);
  assert.deepEqual(r.data, cccd.files.get('DG1')!.subarray(0, 4));
});

test('wrong BAC key is refused with 6300 and no session starts', async () => {
  const { chip, transport } = newChip(cccd);
  const wrong = { ...cccd, access: { ...cccd.access, mrzInformation: cccd.access.mrzInformation.replace(/^\d/, (d) => String((Number(d) + 1) % 10)) } };
  await assert.rejects(openChip(wrong, transport, 'BAC'), (e) => isEidError(e, 'ACCESS_DENIED'));
  assert.equal(chip.secured, false);
});

test('a PACE-only chip refuses BAC; a BAC-only chip refuses PACE', async () => {
  const paceOnly = newChip(passport, { accessProtocols: 'PACE' }).transport;
  await assert.rejects(openChip(passport, paceOnly, 'BAC'));
  await openChip(passport, newChip(passport, { accessProtocols: 'PACE' }).transport, 'PACE-CAN');
  await assert.rejects(openChip(passport, newChip(passport, { accessProtocols: 'BAC' }).transport, 'PACE-MRZ'));
});

test('Le above the chip maximum is answered 6700; extended APDUs are refused without extended length', async () => {
  const { transport } = newChip(cccd, { maxLe: 0xdf, extendedLength: false });
  const sm = await openChip(cccd, transport, 'BAC');
  assert.equal((await send(sm, { cla: 0, ins: 0xb0, p1: 0x82, p2: 0, ne: 0xe0 })).sw, 0x6700);
  assert.equal((await send(sm, { cla: 0, ins: 0xb0, p1: 0x82, p2: 0, ne: 0xdf })).sw, 0x9000);
  // The file reader steps down and still reads everything.
  const { transport: t2 } = newChip(cccd, { maxLe: 0x80, extendedLength: false });
  const sm2 = await openChip(cccd, t2, 'BAC');
  assert.deepEqual(await new FileReader(sm2).readFile(0x0102), cccd.files.get('DG2'));
});

test('reading past the end answers 6B00; a short last chunk answers 6282 with the bytes left', async () => {
  const { transport } = newChip(cccd);
  const sm = await openChip(cccd, transport, 'BAC');
  const dg1 = cccd.files.get('DG1')!;
  assert.equal((await send(sm, selectFid(0x0101))).sw, 0x9000);
  assert.equal((await send(sm, { cla: 0, ins: 0xb0, p1: 0, p2: dg1.length + 1, ne: 1 })).sw, 0x6b00);
  const tail = await send(sm, { cla: 0, ins: 0xb0, p1: 0, p2: dg1.length - 3, ne: 10 });
  assert.equal(tail.sw, 0x6282);
  assert.deepEqual(tail.data, dg1.subarray(dg1.length - 3));
});

test('fault: card removed after N APDUs — later transmits throw CARD_REMOVED', async () => {
  const { chip, transport } = newChip(cccd, { faults: { removeAfterApdus: 5 } });
  const sm = await openChip(cccd, transport, 'BAC'); // SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE
  await send(sm, selectFid(0x0101));
  await send(sm, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
  await assert.rejects(send(sm, { cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 4 }), (e) => isEidError(e, 'CARD_REMOVED'));
  assert.throws(() => chip.transmit(Uint8Array.of(0, 0xa4, 4, 0x0c)), (e) => isEidError(e, 'CARD_REMOVED'));
});

test('fault: a wrong MAC in one response is caught by the terminal', async () => {
  const { transport } = newChip(cccd, { faults: { wrongMacAtApdu: 4 } });
  const sm = await openChip(cccd, transport, 'BAC');
  await assert.rejects(send(sm, selectFid(0x0101)), (e) => isEidError(e) && /MAC|SM_|SECURE/i.test(`${e.code} ${e.message}`));
});

test('fault: a chosen status word at a chosen APDU', async () => {
  const { transport } = newChip(cccd, { faults: { statusWordAt: { apdu: 2, sw: 0x6a88 } } });
  await selectApplication(transport);
  assert.equal((await send(transport, { cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 })).sw, 0x6a88);
  assert.equal((await send(transport, { cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 })).sw, 0x9000);
});

test('fault: a chosen status word at the n-th command of an instruction (here the second READ BINARY)', async () => {
  const { transport } = newChip(cccd, { faults: { statusWordAt: { ins: 0xb0, occurrence: 2, sw: 0x6400 } } });
  const sm = await openChip(cccd, transport, 'BAC');
  assert.equal((await send(sm, { cla: 0, ins: 0xb0, p1: 0x81, p2: 0, ne: 4 })).sw, 0x9000);
  // Under secure messaging the injected status word is protected, so the session carries on.
  assert.equal((await send(sm, { cla: 0, ins: 0xb0, p1: 0x81, p2: 4, ne: 4 })).sw, 0x6400);
  assert.equal((await send(sm, { cla: 0, ins: 0xb0, p1: 0x81, p2: 4, ne: 4 })).sw, 0x9000);
});

test('latency: a delayed chip answers asynchronously with the same bytes', async () => {
  const { chip } = newChip(cccd, { delayMs: 1 });
  const answer = chip.transmit(encodeCommand({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: Uint8Array.of(0xa0, 0, 0, 2, 0x47, 0x10, 0x01) }));
  assert.ok(answer instanceof Promise);
  assert.deepEqual(await answer, Uint8Array.of(0x90, 0x00));
});

test('malformed command APDUs get a status word, never an exception', async () => {
  const { chip } = newChip(cccd);
  for (const raw of [Uint8Array.of(0), Uint8Array.of(0, 0xb0, 0, 0, 5, 1), Uint8Array.of(0x0c, 0xb0, 0, 0, 0)]) {
    const r = parseResponse(await chip.transmit(raw));
    assert.notEqual(r.sw, 0x9000);
  }
});

test('injected randomness makes the chip deterministic: same random, same GET CHALLENGE', async () => {
  const fixed = (n: number) => new Uint8Array(n).fill(7);
  const a = newChip(cccd, { random: fixed }).transport;
  await selectApplication(a);
  assert.deepEqual((await send(a, { cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 })).data, new Uint8Array(8).fill(7));
});

test('hostile input: 2,000 seeded random APDUs, plain and under SM, never throw and never leak a file before access control', async () => {
  let state = 0x12345678;
  const next = (): number => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state >>> 24;
  };
  const { chip, transport } = newChip(cccd);
  await selectApplication(transport);
  for (let i = 0; i < 1000; i++) {
    const raw = Uint8Array.from({ length: 4 + (next() % 40) }, next);
    const r = parseResponse(await chip.transmit(raw));
    // Nothing but CardAccess (absent here) may be read without BAC, whatever the command.
    if (raw[1] === 0xb0 || raw[1] === 0xb1) assert.equal(r.data.length, 0);
  }
  const opened = newChip(cccd);
  await openChip(cccd, opened.transport, 'BAC');
  for (let i = 0; i < 1000; i++) {
    const raw = Uint8Array.from({ length: 4 + (next() % 40) }, next);
    raw[0] = 0x0c; // claims secure messaging
    parseResponse(await opened.chip.transmit(raw));
  }
  assert.equal(opened.chip.secured, false, 'a forged protected command ended the session');
});
