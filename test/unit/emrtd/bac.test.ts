import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { performBac } from '../../../core/emrtd/bac/bac.ts';
import { bacKeysFromMrzInformation, bacSessionKeys, openBacCryptogram, sealBacCryptogram } from '../../../core/emrtd/bac/bac-crypto.ts';
import { kdf } from '../../../core/crypto/kdf.ts';
import { BacCard } from '../../../core/chip/bac-card.ts';
import { SecureMessagingCard } from '../../../core/chip/sm-card.ts';
import { encodeResponse, parseCommand, parseResponse } from '../../../core/emrtd/apdu/apdu.ts';
import { EidError, isEidError } from '../../../core/errors.ts';
import { mrzInformation } from '../../../core/mrz/index.ts';
import { vector } from '../../../fixtures/index.ts';
import { ScriptedTransport } from './scripted-transport.ts';
import { fixedRandom } from './fixed-random.ts';
import { MiniCard } from './mini-card.ts';

const appD = vector('bac_3des_sm_icao9303_p11_appD.json');
const auth = appD.authentication;
const MRZ_INFO: string = appD.mrz.mrz_information;

test('MRZ_information from core/mrz and the App. D basic access keys', () => {
  assert.equal(mrzInformation('L898902C', '690806', '940623').value, MRZ_INFO);
  const keys = bacKeysFromMrzInformation(MRZ_INFO);
  assert.equal(toHex(keys.kEnc), appD.key_derivation.kenc);
  assert.equal(toHex(keys.kMac), appD.key_derivation.kmac);
});

test('ICAO App. D: BAC terminal side replays GET CHALLENGE, EXTERNAL AUTHENTICATE, session keys and D.4', async () => {
  const t = new ScriptedTransport([
    ...appD.apdus.map((a: any) => [a.command, a.response] as const),
    ...appD.secure_messaging.map((s: any) => [s.protected_command, s.protected_response] as const),
  ]);
  const bac = await performBac(t, MRZ_INFO, { random: fixedRandom(auth.rnd_ifd, auth.k_ifd) });
  assert.equal(bac.protocol, 'BAC');
  assert.equal(toHex(bac.sessionKeys.kEnc), auth.ks_enc);
  assert.equal(toHex(bac.sessionKeys.kMac), auth.ks_mac);
  assert.equal(toHex(bac.sessionKeys.ssc), auth.ssc);
  for (const s of appD.secure_messaging) {
    assert.equal(toHex(await bac.secureMessaging.transmit(fromHex(s.unprotected_command))), s.unprotected_response);
  }
  t.done();
});

test('ICAO App. D: BAC card side produces the chip answers of the transcript', () => {
  const card = new BacCard(MRZ_INFO, fixedRandom(auth.rnd_ic, auth.k_ic));
  const [challenge, external] = appD.apdus;
  const a1 = card.answer(parseCommand(fromHex(challenge.command)));
  assert.equal(toHex(encodeResponse(a1.data, a1.sw)), challenge.response);
  const a2 = card.answer(parseCommand(fromHex(external.command)));
  assert.equal(toHex(encodeResponse(a2.data, a2.sw)), external.response);
  assert.equal(toHex(a2.sessionKeys!.kEnc), auth.ks_enc);
  assert.equal(toHex(a2.sessionKeys!.ssc), auth.ssc);
  const sm = new SecureMessagingCard(a2.sessionKeys!);
  for (const s of appD.secure_messaging) {
    const u = sm.unwrapCommand(fromHex(s.protected_command));
    assert.equal(u.kind, 'command');
    const plain = parseResponse(fromHex(s.unprotected_response));
    assert.equal(toHex(sm.wrapResponse(u.kind === 'command' ? u.command.ins : 0, plain.data, plain.sw)), s.protected_response);
  }
});

const EF_COM = fromHex(appD.ef_com_reassembled);

test('terminal and card sides talk to each other with random nonces', async () => {
  const card = new MiniCard({ mrzInformation: MRZ_INFO, files: new Map([[0x011e, EF_COM]]) });
  const bac = await performBac(card, MRZ_INFO);
  const r = parseResponse(await bac.secureMessaging.transmit(fromHex('00A4020C02011E')));
  assert.equal(r.sw, 0x9000);
  const read = parseResponse(await bac.secureMessaging.transmit(fromHex('00B0000016')));
  assert.equal(toHex(read.data), appD.ef_com_reassembled);
});

test('a wrong MRZ gives ACCESS_DENIED, distinct from transport failures', async () => {
  const card = new MiniCard({ mrzInformation: MRZ_INFO, files: new Map() });
  const wrong = mrzInformation('L898902C', '690807', '940623').value;
  await assert.rejects(performBac(card, wrong), (e) => isEidError(e, 'ACCESS_DENIED'));
  const removed = { transmit: async () => { throw new EidError('CARD_REMOVED'); } };
  await assert.rejects(performBac(removed, MRZ_INFO), (e) => isEidError(e, 'CARD_REMOVED'));
  await assert.rejects(performBac(card, 'not an mrz'), (e) => isEidError(e, 'ACCESS_KEY_INVALID'));
});

test('hostile BAC answers: forged cryptogram, wrong nonce, short challenge', async () => {
  const [challenge, external] = appD.apdus;
  const random = () => fixedRandom(auth.rnd_ifd, auth.k_ifd);
  const forged = external.response.replace('2F2D235D', '2F2D235E');
  await assert.rejects(performBac(new ScriptedTransport([[challenge.command, challenge.response], [external.command, forged]]), MRZ_INFO, { random: random() }), (e) => isEidError(e, 'BAC_RESPONSE_INVALID'));
  await assert.rejects(performBac(new ScriptedTransport([[challenge.command, challenge.response], [external.command, '0102039000']]), MRZ_INFO, { random: random() }), (e) => isEidError(e, 'BAC_RESPONSE_INVALID'));
  await assert.rejects(performBac(new ScriptedTransport([[challenge.command, '46089000']]), MRZ_INFO, { random: random() }), (e) => isEidError(e, 'BAC_RESPONSE_INVALID'));
  await assert.rejects(performBac(new ScriptedTransport([[challenge.command, challenge.response], [external.command, '6982']]), MRZ_INFO, { random: random() }), (e) => isEidError(e, 'ACCESS_DENIED'));
  await assert.rejects(performBac(new ScriptedTransport([[challenge.command, '6D00']]), MRZ_INFO, { random: random() }), (e) => isEidError(e, 'NOT_SUPPORTED_BY_CHIP'));
});

test('card side: authentication without a challenge, replayed or tampered cryptograms fail', () => {
  const external = parseCommand(fromHex(appD.apdus[1].command));
  const card = new BacCard(MRZ_INFO, fixedRandom(auth.rnd_ic, auth.k_ic, auth.rnd_ic));
  assert.equal(card.answer(external).sw, 0x6985);
  card.answer(parseCommand(fromHex('0084000008')));
  const tampered = { ...external, data: external.data.slice() };
  tampered.data[0] = tampered.data[0]! ^ 1;
  assert.equal(card.answer(tampered).sw, 0x6300);
  assert.equal(card.answer(external).sw, 0x6985, 'a challenge is good for one attempt');
});

test('card side SM rejects an unprotected or tampered command with 6987/6988', () => {
  const keys = { cipher: '3DES' as const, kEnc: fromHex(auth.ks_enc), kMac: fromHex(auth.ks_mac), ssc: fromHex(auth.ssc) };
  const sm = new SecureMessagingCard(keys);
  const u = sm.unwrapCommand(fromHex(appD.secure_messaging[0].protected_command.replace('BF8B', 'BF8C')));
  assert.equal(u.kind, 'rejected');
  assert.equal(u.kind === 'rejected' && toHex(u.response), '6988');
  const plain = new SecureMessagingCard(keys).unwrapCommand(fromHex('00A4020C02011E'));
  assert.equal(plain.kind === 'rejected' && toHex(plain.response), '6987');
});

test('ICAO App. D.3 intermediates: S, E_IFD || M_IFD, R, KSseed', () => {
  const keys = bacKeysFromMrzInformation(MRZ_INFO);
  assert.equal(toHex(sealBacCryptogram(keys, fromHex(auth.s))), auth.cmd_data);
  assert.equal(toHex(sealBacCryptogram(keys, fromHex(auth.s)).subarray(0, 32)), auth.e_ifd);
  assert.equal(toHex(openBacCryptogram(keys, fromHex(auth.resp_data))!), auth.r_decrypted);
  assert.equal(openBacCryptogram(keys, fromHex(auth.resp_data).subarray(0, 39)), undefined);
  const session = bacSessionKeys(fromHex(auth.k_ifd), fromHex(auth.k_ic), fromHex(auth.rnd_ic), fromHex(auth.rnd_ifd));
  assert.equal(toHex(session.kEnc), auth.ks_enc);
  assert.equal(toHex(session.ssc), auth.ssc);
  assert.equal(toHex(kdf(fromHex(auth.ks_seed), 2, '3DES')), auth.ks_mac);
});
