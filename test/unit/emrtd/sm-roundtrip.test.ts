import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { concat } from '../../../core/bytes/bytes.ts';
import { tlv } from '../../../core/bytes/tlv.ts';
import { encodeCommand, encodeResponse, parseCommand, parseResponse } from '../../../core/emrtd/apdu/apdu.ts';
import { SmChannel, deriveSessionKeys, type SessionKeys } from '../../../core/emrtd/sm/sm-channel.ts';
import { protectCommand, protectResponse, unprotectCommand, unprotectResponse } from '../../../core/emrtd/sm/sm-codec.ts';
import { SecureMessaging } from '../../../core/emrtd/sm/secure-messaging.ts';
import { SecureMessagingCard } from '../../../core/chip/sm-card.ts';
import { CountingTransport } from '../../../core/emrtd/apdu/transport-stats.ts';
import { EidError, isEidError } from '../../../core/errors.ts';

const secret = fromHex('28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925');

function pair(keys: SessionKeys): { terminal: SecureMessaging; counting: CountingTransport } {
  const card = new SecureMessagingCard(keys);
  const chip = {
    transmit: async (raw: Uint8Array) => {
      const u = card.unwrapCommand(raw);
      if (u.kind === 'rejected') return u.response;
      // Echo service: answers with the command data reversed, or Ne bytes of a pattern.
      const cmd = u.command;
      const data = cmd.data.length > 0 ? cmd.data.slice().reverse() : Uint8Array.from({ length: cmd.ne ?? 0 }, (_, i) => i & 0xff);
      return card.wrapResponse(cmd.ins, data, 0x9000);
    },
  };
  const counting = new CountingTransport(chip);
  return { terminal: new SecureMessaging(counting, keys), counting };
}

for (const [cipher, bits] of [['3DES', 128], ['AES', 128], ['AES', 192], ['AES', 256]] as const) {
  test(`${cipher}-${bits}: terminal and card sides round-trip short and extended APDUs`, async () => {
    const keys = deriveSessionKeys(cipher, secret, bits);
    assert.equal(keys.ssc.length, cipher === 'AES' ? 16 : 8);
    const { terminal, counting } = pair(keys);
    for (const size of [1, 7, 8, 15, 16, 200, 255, 256, 1000, 4000]) {
      const data = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
      const cmd = { cla: 0, ins: 0x2a, p1: 0, p2: 0xbe, data, ne: size > 200 ? 65536 : 256 };
      const r = parseResponse(await terminal.transmit(encodeCommand(cmd)));
      assert.equal(toHex(r.data), toHex(data.slice().reverse()), `size ${size}`);
    }
    const big = parseResponse(await terminal.transmit(fromHex('00B00000001388')));
    assert.equal(big.data.length, 5000);
    assert.equal(counting.stats.apdus, 11);
    assert.ok(counting.stats.bytesReceived > 5000);
  });
}

test('odd INS uses DO85 both ways and the card side checks the pairing', async () => {
  const keys = deriveSessionKeys('AES', secret, 128);
  const t = new SmChannel(keys);
  const c = new SmChannel(keys);
  const protectedCmd = protectCommand(t, { cla: 0, ins: 0xb1, p1: 0, p2: 0, data: tlv(0x54, fromHex('008000')), ne: 256 });
  assert.equal(parseCommand(protectedCmd).data[0], 0x85);
  const cmd = unprotectCommand(c, protectedCmd);
  assert.equal(toHex(cmd.data), '5403008000');
  const resp = protectResponse(c, cmd.ins, tlv(0x53, fromHex('0102')), 0x9000);
  assert.equal(resp[0], 0x85);
  assert.equal(toHex(unprotectResponse(t, resp)), '530201029000');
});

/** A response with a correct MAC over chosen objects: exercises checks behind the MAC. */
function macedResponse(ch: SmChannel, objects: Uint8Array): Uint8Array {
  const ssc = ch.nextSsc();
  return encodeResponse(concat(objects, tlv(0x8e, ch.mac(ssc, objects))), 0x9000);
}

test('authentic but malformed contents are still SM_RESPONSE_INVALID', () => {
  const keys = deriveSessionKeys('3DES', secret, 128);
  const do99 = fromHex('99029000');
  const cases: [string, (card: SmChannel) => Uint8Array][] = [
    ['padding indicator 02', () => concat(fromHex('870902'), new Uint8Array(8), do99)],
    ['ciphertext not whole blocks', () => concat(fromHex('870801'), new Uint8Array(7), do99)],
    ['no 0x80 padding inside', (card) => {
      const ssc = card.ssc;
      ssc[7] = (ssc[7]! + 1) & 0xff;
      return concat(fromHex('870901'), card.encrypt(ssc, new Uint8Array(8)), do99);
    }],
    ['DO99 of one byte', () => fromHex('990190')],
    ['no DO99', () => fromHex('870901' + '00'.repeat(8))],
    ['DO97 in a response', () => concat(fromHex('970100'), do99)],
  ];
  for (const [name, objects] of cases) {
    const terminal = new SmChannel(keys);
    const card = new SmChannel(keys);
    terminal.nextSsc();
    card.nextSsc();
    const raw = macedResponse(card, objects(card));
    assert.throws(() => unprotectResponse(terminal, raw), (e) => isEidError(e, 'SM_RESPONSE_INVALID'), name);
  }
});

test('SSC wraps around and protects against replays across increments', () => {
  const keys: SessionKeys = { cipher: '3DES', kEnc: new Uint8Array(16).fill(1), kMac: new Uint8Array(16).fill(2), ssc: fromHex('00000000FFFFFFFF') };
  const ch = new SmChannel(keys);
  assert.equal(toHex(ch.nextSsc()), '0000000100000000');
  const wrap = new SmChannel({ ...keys, ssc: fromHex('FFFFFFFFFFFFFFFF') });
  assert.equal(toHex(wrap.nextSsc()), '0000000000000000');
  assert.throws(() => new SmChannel({ ...keys, ssc: new Uint8Array(16) }), RangeError);
  assert.throws(() => new SmChannel({ cipher: 'AES', kEnc: new Uint8Array(20), kMac: new Uint8Array(20), ssc: new Uint8Array(16) }), RangeError);
});

test('a command the reader refused before the chip saw it leaves the SSC where it was', async () => {
  const keys = deriveSessionKeys('3DES', secret, 128);
  const card = new SecureMessagingCard(keys);
  let refuse = true;
  const sm = new SecureMessaging({
    transmit: async (raw) => {
      if (refuse) {
        refuse = false;
        throw new EidError('EXTENDED_LENGTH_UNSUPPORTED');
      }
      const u = card.unwrapCommand(raw);
      assert.equal(u.kind, 'command');
      return card.wrapResponse(0xb0, fromHex('0102'), 0x9000);
    },
  }, keys);
  await assert.rejects(sm.transmit(fromHex('00B00000000100')), (e) => isEidError(e, 'EXTENDED_LENGTH_UNSUPPORTED'));
  assert.equal(toHex(sm.ssc), toHex(keys.ssc));
  assert.equal(toHex(await sm.transmit(fromHex('00B0000002'))), '01029000');
  const lost = new SecureMessaging({ transmit: async () => { throw new EidError('CARD_REMOVED'); } }, keys);
  await assert.rejects(lost.transmit(fromHex('00B0000002')), (e) => isEidError(e, 'CARD_REMOVED'));
  await assert.rejects(lost.transmit(fromHex('00B0000002')), (e) => isEidError(e, 'SM_SESSION_LOST'));
});
