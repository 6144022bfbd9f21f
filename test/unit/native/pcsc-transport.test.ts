import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { connectReader } from '../../../native/pcsc-transport.ts';
import { ExtendedLengthMemory } from '../../../native/extended-length.ts';
import { featureRequestCode } from '../../../native/reader-properties.ts';
import { FakePcsc, T1_ATR } from './fake-pcsc.ts';
import { render } from '../../../core/messages/render.ts';
import type { FakeCard } from './fake-pcsc.ts';

const READER = 'Generic CCID Reader 00 00';
const SELECT = fromHex('00A4040C07A0000002471001');
const EXTENDED_READ = fromHex('00B00000000000');

function echoCard(protocol: 'T0' | 'T1' = 'T1', atr = T1_ATR): FakeCard {
  return { atr, protocol, respond: (c) => Uint8Array.from([...c.slice(5), 0x90, 0x00]) };
}

function setup(card: FakeCard, reader = READER): { pcsc: FakePcsc; memory: ExtendedLengthMemory } {
  const pcsc = new FakePcsc();
  pcsc.plug(reader, card);
  return { pcsc, memory: new ExtendedLengthMemory() };
}

test('transmits over T=1 and releases handle and context on close (card reset)', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  const transport = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(transport.protocol, 'T1');
  assert.deepEqual(transport.atr, T1_ATR);
  assert.equal(toHex(await transport.transmit(SELECT)), 'A00000024710019000');
  await transport.close();
  assert.deepEqual(pcsc.disconnects, [true]);
  assert.equal(pcsc.openContexts, 0);
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'CARD_REMOVED'));
});

test('T=0: 61xx is collected with GET RESPONSE into one answer', { timeout: 10_000 }, async () => {
  const card: FakeCard = {
    atr: Uint8Array.of(0x3b, 0x02, 0x14, 0x50),
    protocol: 'T0',
    respond(c) {
      if (c[1] === 0xc0) return c[4] === 0x03 ? fromHex('0405069000') : fromHex('6F00');
      return fromHex('01026103');
    },
  };
  const { pcsc, memory } = setup(card);
  const transport = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(toHex(await transport.transmit(fromHex('00B0000000'))), '01020405069000');
  assert.equal(toHex(pcsc.transmitted[1]!), '00C0000003');
  // T=0 cannot carry extended APDUs without ENVELOPE: refused before reaching the reader.
  assert.equal(transport.capabilities?.extendedLength, false);
  await assert.rejects(transport.transmit(EXTENDED_READ), (e) => isEidError(e, 'EXTENDED_LENGTH_UNSUPPORTED'));
  assert.equal(pcsc.transmitted.length, 2);
});

test('card removed mid-read gives CARD_REMOVED, and a new session works without restarting', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  const first = await connectReader(READER, { binding: pcsc, memory });
  await first.transmit(SELECT);
  pcsc.remove(READER);
  await assert.rejects(first.transmit(SELECT), (e) => isEidError(e, 'CARD_REMOVED') && /đầu đọc/.test(render('vi', e)));
  // The session is over: it refuses further APDUs without touching the reader.
  const sent = pcsc.transmitted.length;
  await assert.rejects(first.transmit(SELECT), (e) => isEidError(e, 'CARD_REMOVED'));
  assert.equal(pcsc.transmitted.length, sent);
  await first.close();
  await assert.rejects(connectReader(READER, { binding: pcsc, memory }), (e) => isEidError(e, 'NO_CARD'));
  pcsc.insert(READER, echoCard());
  const second = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(toHex(await second.transmit(SELECT)), 'A00000024710019000');
  await second.close();
  assert.equal(pcsc.openContexts, 0);
});

test('a card reset by another program: CARD_RESET once, the handle reconnected, the same session goes on', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  const transport = await connectReader(READER, { binding: pcsc, memory });
  await transport.transmit(SELECT);
  pcsc.resetByAnotherProgram(READER);
  // The caller learns of the reset (its secure channel is gone: access control must run again) ...
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'CARD_RESET'));
  assert.equal(pcsc.reconnects, 1);
  // ... and the same transport carries on.
  assert.equal(toHex(await transport.transmit(SELECT)), 'A00000024710019000');
  await transport.close();
  assert.equal(pcsc.openContexts, 0);
});

test('a reset card that is gone by the time of the reconnect ends the session as CARD_REMOVED', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  const transport = await connectReader(READER, { binding: pcsc, memory });
  pcsc.resetByAnotherProgram(READER);
  pcsc.reconnectError = 'Card was removed';
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'CARD_REMOVED'));
  const sent = pcsc.transmitted.length;
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'CARD_REMOVED'));
  assert.equal(pcsc.transmitted.length, sent);
  await transport.close();
});

test('reader unplugged gives READER_UNAVAILABLE; service down gives PCSC_UNAVAILABLE', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  const transport = await connectReader(READER, { binding: pcsc, memory });
  pcsc.unplug(READER);
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'READER_UNAVAILABLE'));
  await assert.rejects(connectReader(READER, { binding: pcsc, memory }), (e) => isEidError(e, 'READER_UNAVAILABLE'));
  pcsc.plug(READER, echoCard());
  pcsc.stopService();
  await assert.rejects(connectReader(READER, { binding: pcsc, memory }), (e) => isEidError(e, 'PCSC_UNAVAILABLE'));
});

test('a card that never answers gives TRANSPORT_TIMEOUT; the handle is released when the call returns', { timeout: 10_000 }, async () => {
  let answer: (() => void) | undefined;
  const card: FakeCard = {
    atr: T1_ATR,
    protocol: 'T1',
    respond: () => new Promise((resolve) => (answer = () => resolve(fromHex('9000')))),
  };
  const { pcsc, memory } = setup(card);
  const transport = await connectReader(READER, { binding: pcsc, memory, timeoutMs: 50 });
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'TRANSPORT_TIMEOUT'));
  await assert.rejects(transport.transmit(SELECT), (e) => isEidError(e, 'TRANSPORT_TIMEOUT'));
  const closing = transport.close();
  assert.deepEqual(pcsc.disconnects, [], 'not released while the native call is still running');
  answer!();
  await closing;
  assert.deepEqual(pcsc.disconnects, [true]);
});

test('extended length: learnt from the first extended APDU and remembered per reader and ATR', { timeout: 10_000 }, async () => {
  const memory = new ExtendedLengthMemory();
  const pcsc = new FakePcsc();
  pcsc.plug(READER, { atr: T1_ATR, protocol: 'T1', respond: () => new Uint8Array(1002).fill(0x90) });
  const first = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(first.capabilities?.extendedLength, undefined);
  assert.equal((await first.transmit(EXTENDED_READ)).length, 1002);
  assert.equal(first.capabilities?.extendedLength, true);
  assert.equal(first.capabilities?.maxResponseLength, 65536);
  await first.close();
  const second = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(second.capabilities?.extendedLength, true);
  assert.equal(second.extendedLengthSource, 'memory');
  await second.close();
});

test('extended length: a reader failing the extended APDU is remembered as short-only', { timeout: 10_000 }, async () => {
  const memory = new ExtendedLengthMemory();
  const pcsc = new FakePcsc();
  pcsc.plug(READER, {
    atr: T1_ATR,
    protocol: 'T1',
    respond(c) {
      if (c[4] === 0 && c.length > 5) throw new Error('Transaction failed');
      return fromHex('9000');
    },
  });
  const transport = await connectReader(READER, { binding: pcsc, memory });
  await assert.rejects(transport.transmit(EXTENDED_READ), (e) => isEidError(e, 'EXTENDED_LENGTH_UNSUPPORTED'));
  assert.equal(transport.capabilities?.extendedLength, false);
  assert.equal(transport.capabilities?.maxResponseLength, undefined);
  // Not fatal: short APDUs go on in the same session.
  assert.equal(toHex(await transport.transmit(fromHex('00B0000000'))), '9000');
  await transport.close();
  assert.equal(memory.get(READER, T1_ATR), false);
});

test('quirk table: ACR1252 never gets an extended APDU', { timeout: 10_000 }, async () => {
  const reader = 'ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00';
  const { pcsc, memory } = setup(echoCard(), reader);
  const transport = await connectReader(reader, { binding: pcsc, memory });
  assert.equal(transport.capabilities?.extendedLength, false);
  assert.equal(transport.extendedLengthSource, 'quirk');
  await assert.rejects(transport.transmit(EXTENDED_READ), (e) => isEidError(e, 'EXTENDED_LENGTH_UNSUPPORTED'));
  assert.equal(pcsc.transmitted.length, 0);
  await transport.close();
});

test('APDUs from concurrent callers reach the card one at a time, in call order', { timeout: 10_000 }, async () => {
  let busy = false;
  const card: FakeCard = {
    atr: T1_ATR,
    protocol: 'T1',
    async respond(c) {
      assert.equal(busy, false, 'overlapping transmit');
      busy = true;
      await new Promise((r) => setTimeout(r, 5));
      busy = false;
      return Uint8Array.from([c[5]!, 0x90, 0x00]);
    },
  };
  const { pcsc, memory } = setup(card);
  const transport = await connectReader(READER, { binding: pcsc, memory });
  const answers = await Promise.all([1, 2, 3].map((n) => transport.transmit(Uint8Array.of(0, 1, 0, 0, 1, n))));
  assert.deepEqual(answers.map((a) => a[0]), [1, 2, 3]);
  await transport.close();
});

test('an answer without status word: CARD_REMOVED once the reader shows the card gone, else CARD_UNRESPONSIVE', { timeout: 10_000 }, async () => {
  const pcsc = new FakePcsc();
  pcsc.plug(READER, {
    atr: T1_ATR,
    protocol: 'T1',
    respond: () => {
      // The card vanishes while answering; pcscd notices a little later.
      setTimeout(() => pcsc.remove(READER), 20);
      return new Uint8Array(0);
    },
  });
  const memory = new ExtendedLengthMemory();
  const pulled = await connectReader(READER, { binding: pcsc, memory });
  await assert.rejects(pulled.transmit(EXTENDED_READ), (e) => isEidError(e, 'CARD_REMOVED'));
  assert.equal(memory.get(READER, T1_ATR), undefined, 'a pulled card says nothing about extended length');
  await pulled.close();
  pcsc.insert(READER, { atr: T1_ATR, protocol: 'T1', respond: () => new Uint8Array(0) });
  const mute = await connectReader(READER, { binding: pcsc, memory });
  await assert.rejects(mute.transmit(SELECT), (e) => isEidError(e, 'CARD_UNRESPONSIVE'));
  await mute.close();
});

test('a connection that comes through after the connect timeout is released, not leaked', { timeout: 10_000 }, async () => {
  const pcsc = new FakePcsc();
  pcsc.plug(READER, echoCard());
  let letThrough: (() => void) | undefined;
  const slow = {
    establishContext() {
      const context = pcsc.establishContext();
      return {
        ...context,
        connect: (name: string) => new Promise<Awaited<ReturnType<typeof context.connect>>>((resolve, reject) => {
          letThrough = () => context.connect(name).then(resolve, reject);
        }),
      };
    },
  };
  await assert.rejects(connectReader(READER, { binding: slow, timeoutMs: 30 }), (e) => isEidError(e, 'TRANSPORT_TIMEOUT'));
  assert.equal(pcsc.openContexts, 1, 'context kept while the connect is still running');
  letThrough!();
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(pcsc.disconnects, [false]);
  assert.equal(pcsc.openContexts, 0);
});

/** A CCID reader's part 10 answers: the TLV properties at 42330012 with this dwMaxAPDUDataSize. */
function ccidControl(maxApduDataSize: number) {
  return (code: number): Uint8Array => {
    if (code === featureRequestCode()) return fromHex('120442330012');
    if (code === 0x42330012) return Uint8Array.of(0x0a, 4, maxApduDataSize & 0xff, (maxApduDataSize >> 8) & 0xff, (maxApduDataSize >> 16) & 0xff, 0);
    throw new Error('The smart card does not support the requested feature');
  };
}

test('a CCID reader reporting dwMaxAPDUDataSize 0 gets no extended APDU', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  pcsc.controls.set(READER, ccidControl(0));
  const transport = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(transport.capabilities?.extendedLength, false);
  assert.equal(transport.extendedLengthSource, 'reader');
  assert.equal(transport.capabilities?.maxResponseLength, undefined, 'short answers keep their full Le');
  await assert.rejects(transport.transmit(EXTENDED_READ), (e) => isEidError(e, 'EXTENDED_LENGTH_UNSUPPORTED'));
  assert.equal(pcsc.transmitted.length, 0);
  await transport.close();
});

test('a CCID reader with a smaller dwMaxAPDUDataSize caps the answer size; 0x10000 leaves it to the probe', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  pcsc.controls.set(READER, ccidControl(1024));
  const capped = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(capped.capabilities?.maxResponseLength, 1024);
  assert.equal(capped.capabilities?.extendedLength, undefined);
  await capped.close();
  pcsc.controls.set(READER, ccidControl(0x10000));
  const open = await connectReader(READER, { binding: pcsc, memory });
  assert.equal(open.capabilities?.extendedLength, undefined);
  assert.equal(open.capabilities?.maxResponseLength, undefined);
  assert.equal(open.extendedLengthSource, 'unknown');
  await open.close();
});

test('the deny-list wins over a reader that claims extended APDUs (ACR1252 reports 0x10000 and drops them)', { timeout: 10_000 }, async () => {
  const reader = 'ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00';
  const { pcsc, memory } = setup(echoCard(), reader);
  pcsc.controls.set(reader, ccidControl(0x10000));
  const transport = await connectReader(reader, { binding: pcsc, memory });
  assert.equal(transport.capabilities?.extendedLength, false);
  assert.equal(transport.extendedLengthSource, 'quirk');
  await transport.close();
});

test('a reader that never answers the control call still connects (the question is bounded)', { timeout: 10_000 }, async () => {
  const { pcsc, memory } = setup(echoCard());
  pcsc.controls.set(READER, () => new Promise<Uint8Array>(() => undefined));
  const transport = await connectReader(READER, { binding: pcsc, memory, timeoutMs: 300 });
  assert.equal(transport.capabilities?.extendedLength, undefined);
  assert.equal(toHex(await transport.transmit(SELECT)), 'A00000024710019000');
  await transport.close();
});
