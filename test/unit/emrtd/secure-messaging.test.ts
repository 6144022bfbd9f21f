import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { SecureMessaging } from '../../../core/emrtd/sm/secure-messaging.ts';
import { SmChannel, type SessionKeys } from '../../../core/emrtd/sm/sm-channel.ts';
import { protectCommand, protectResponse, unprotectCommand, unprotectResponse } from '../../../core/emrtd/sm/sm-codec.ts';
import { parseCommand, parseResponse } from '../../../core/emrtd/apdu/apdu.ts';
import { sendCommand } from '../../../core/emrtd/apdu/exchange.ts';
import { isEidError } from '../../../core/errors.ts';
import type { ErrorCode } from '../../../core/messages/catalogue.ts';
import { vector } from '../../../fixtures/index.ts';
import { ScriptedTransport } from './scripted-transport.ts';

const appD = vector('bac_3des_sm_icao9303_p11_appD.json');
const misc = vector('sm_aes_extended_and_misc_vectors.json');

const appDKeys: SessionKeys = {
  cipher: '3DES',
  kEnc: fromHex(appD.authentication.ks_enc),
  kMac: fromHex(appD.authentication.ks_mac),
  ssc: fromHex(appD.authentication.ssc),
};

function keysOf(c: any, ssc: string): SessionKeys {
  return { cipher: c.alg === '3DES' ? '3DES' : 'AES', kEnc: fromHex(c.ks_enc), kMac: fromHex(c.ks_mac ?? c.ks_enc), ssc: fromHex(ssc) };
}

test('ICAO App. D.4: SELECT and two READ BINARY replay byte for byte through SecureMessaging', async () => {
  const t = new ScriptedTransport(appD.secure_messaging.map((s: any) => [s.protected_command, s.protected_response] as const));
  const sm = new SecureMessaging(t, appDKeys);
  for (const step of appD.secure_messaging) {
    const plain = await sm.transmit(fromHex(step.unprotected_command));
    assert.equal(toHex(plain), step.unprotected_response, step.step);
    assert.equal(toHex(sm.ssc), step.ssc_response);
  }
  t.done();
});

test('ICAO App. D.4: the card side unwraps each command and wraps each response identically', () => {
  const card = new SmChannel(appDKeys);
  for (const step of appD.secure_messaging) {
    const cmd = unprotectCommand(card, fromHex(step.protected_command));
    const expected = parseCommand(fromHex(step.unprotected_command));
    assert.equal(cmd.cla, expected.cla);
    assert.equal(cmd.ins, expected.ins);
    assert.equal(toHex(cmd.data), toHex(expected.data));
    assert.equal(cmd.ne, expected.ne);
    const plain = parseResponse(fromHex(step.unprotected_response));
    assert.equal(toHex(protectResponse(card, cmd.ins, plain.data, plain.sw)), step.protected_response, step.step);
  }
});

test('AES and other 3DES vectors: protected commands and responses match', () => {
  let checked = 0;
  for (const c of misc.cases) {
    if (!c.ssc_before) continue;
    const ch = new SmChannel(keysOf(c, c.ssc_before));
    if (c.unprotected_command) {
      const cmd = parseCommand(fromHex(c.unprotected_command));
      assert.equal(toHex(protectCommand(ch, cmd)), c.protected_command, c.id);
      const card = new SmChannel(keysOf(c, c.ssc_before));
      assert.equal(toHex(unprotectCommand(card, fromHex(c.protected_command)).data), toHex(cmd.data), c.id);
      checked++;
    }
    // Response-only vectors give the SSC just before the response's own increment.
    if (c.protected_response) {
      assert.equal(toHex(unprotectResponse(ch, fromHex(c.protected_response))), c.unprotected_response, c.id);
      checked++;
    }
  }
  assert.ok(checked >= 9);
});

test('AES-256 DO87 decryption with IV = E(KSenc, SSC)', () => {
  const c = misc.cases.find((x: any) => x.id === 'gmrtd_aes256_do87_decrypt');
  const ch = new SmChannel({ cipher: 'AES', kEnc: fromHex(c.ks_enc), kMac: fromHex(c.ks_enc), ssc: fromHex(c.ssc) });
  const value = fromHex(c.do87_value);
  assert.equal(value[0], 1);
  const plain = ch.decrypt(fromHex(c.ssc), value.subarray(1));
  assert.equal(toHex(plain).startsWith(c.decrypted), true);
});

test('extended-length protected command (TR-03110 8.4) is parsed back by the card side', () => {
  const c = misc.cases.find((x: any) => x.id === 'tr03110_we8_4_pso_verify_cert_extended');
  const card = new SmChannel(keysOf(c, c.ssc_before));
  const cmd = unprotectCommand(card, fromHex(c.protected_command));
  assert.equal(cmd.data.length, 0x16a);
  assert.equal(cmd.ne, undefined);
});

function d41(): { sm: SecureMessaging; reply: (hex: string) => Promise<unknown> } {
  const step = appD.secure_messaging[0];
  let answer = '';
  const sm = new SecureMessaging({ transmit: async () => fromHex(answer) }, appDKeys);
  return { sm, reply: (hex) => ((answer = hex), sm.transmit(fromHex(step.unprotected_command))) };
}

test('hostile responses: bad MAC, truncated DO, missing DO99/8E, plain 9000 all give SM_RESPONSE_INVALID', async () => {
  const good = appD.secure_messaging[0].protected_response as string; // 990290008E08FA855A5D4C50A8ED9000
  const hostile = [
    good.replace('FA855A5D', 'FA855A5E'), // MAC flipped
    '990290008E07FA855A5D4C50A89000', // short MAC
    '990290008E08FA855A5D4C509000', // truncated DO 8E
    '8E08FA855A5D4C50A8ED9000', // DO 99 missing
    '990290009000', // DO 8E missing
    '9000', // plain success after SM started
    '8E08FA855A5D4C50A8ED990290009000', // wrong order
    '01029000', // unknown object
    '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000', // replayed (other SSC)
  ];
  for (const h of hostile) {
    const { reply } = d41();
    await assert.rejects(reply(h), (e) => isEidError(e, 'SM_RESPONSE_INVALID'), h);
  }
});

test('after a rejected response the session refuses further traffic until restarted', async () => {
  const { sm, reply } = d41();
  await assert.rejects(reply('9000'), (e) => isEidError(e, 'SM_RESPONSE_INVALID'));
  await assert.rejects(reply(appD.secure_messaging[0].protected_response), (e) => isEidError(e, 'SM_SESSION_LOST'));
  sm.restart(appDKeys);
  assert.equal(toHex(await reply(appD.secure_messaging[0].protected_response) as Uint8Array), '9000');
});

test('plain error status words pass through; 6987/6988 mean the chip dropped SM', async () => {
  const { reply } = d41();
  assert.equal(toHex(await reply('6A82') as Uint8Array), '6A82');
  const second = d41();
  await assert.rejects(second.reply('6988'), (e) => isEidError(e, 'SM_REJECTED_BY_CHIP'));
});

test('6Cxx under SM: sendCommand re-protects with the new Le', async () => {
  const card = new SmChannel(appDKeys);
  let round = 0;
  const sm = new SecureMessaging({
    transmit: async (raw) => {
      const cmd = unprotectCommand(card, raw);
      if (round++ === 0) return fromHex('6C04'); // plain: the card counted the command only
      assert.equal(cmd.ne, 4);
      return protectResponse(card, cmd.ins, fromHex('60145F01'), 0x9000);
    },
  }, appDKeys);
  const r = await sendCommand(sm, { cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 256 });
  assert.equal(toHex(r.data), '60145F01');
});

test('a plain error under SM does not advance the SSC, so the session carries on (CN passports, gmrtd#457)', async () => {
  const card = new SmChannel(appDKeys);
  let round = 0;
  const sm = new SecureMessaging({
    transmit: async (raw) => {
      const cmd = unprotectCommand(card, raw);
      if (round++ === 0) return fromHex('6700'); // the extended READ BINARY refused in plain
      return protectResponse(card, cmd.ins, fromHex('60145F01'), 0x9000);
    },
  }, appDKeys);
  assert.equal(toHex(await sm.transmit(fromHex('00B00000000000'))), '6700');
  assert.equal(toHex(await sm.transmit(fromHex('00B0000004'))), '60145F019000');
  assert.equal(toHex(sm.ssc), toHex(card.ssc));
});

test('hostile protected commands are rejected by the card side with typed errors', () => {
  const step = appD.secure_messaging[0];
  const cases: [string, ErrorCode][] = [
    [step.protected_command.replace('BF8B92D6', 'BF8B92D7'), 'SM_COMMAND_INVALID'],
    ['00A4020C02011E', 'SM_OBJECTS_MISSING'],
    ['0CA4020C0B8709016375432908C044F600', 'SM_OBJECTS_MISSING'],
    ['0CA4020C0D8E08BF8B92D635FF24F8870100', 'SM_COMMAND_INVALID'],
  ];
  for (const [h, code] of cases) assert.throws(() => unprotectCommand(new SmChannel(appDKeys), fromHex(h)), (e) => isEidError(e, code), h);
});
