import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { mrzInformation, canKey, type AccessKey } from '../../../core/mrz/index.ts';
import { performPace } from '../../../core/emrtd/pace/pace-terminal.ts';
import { ScriptedTransport, scriptedRandom } from './helpers.ts';
import { vector } from '../../../fixtures/index.ts';

const mrzKey = (p: { document_number: string; date_of_birth: string; date_of_expiry: string }): AccessKey => ({
  kind: 'MRZ',
  mrz: mrzInformation(p.document_number, p.date_of_birth, p.date_of_expiry),
});

function checkKeys(v: any, result: Awaited<ReturnType<typeof performPace>>): void {
  assert.equal(toHex(result.sessionKeys.kEnc), v.session_keys.ks_enc);
  assert.equal(toHex(result.sessionKeys.kMac), v.session_keys.ks_mac);
  assert.equal(toHex(result.sessionKeys.ssc), '00'.repeat(16));
}

test('PACE-ECDH-GM replays ICAO 9303-11 App. G.1 byte for byte', async () => {
  const v = vector('pace_ecdh_gm_brainpoolp256r1_icao9303_p11_appG1.json');
  assert.equal(mrzInformation(v.password.document_number, v.password.date_of_birth, v.password.date_of_expiry).value, v.password.mrz_information);
  const transport = new ScriptedTransport(v.apdus);
  const result = await performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.2.2', parameterId: 13 }, mrzKey(v.password), {
    random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private),
    sendParameterId: false,
  });
  assert.equal(transport.remaining, 0);
  assert.equal(result.protocol, 'PACE-ECDH-GM-AES-128 brainpoolP256r1');
  checkKeys(v, result);
  assert.equal(result.cam, undefined);
});

test('MSE:Set AT carries 84 parameterId by default (the gmrtd form of App. G.1)', async () => {
  const v = vector('pace_ecdh_gm_brainpoolp256r1_icao9303_p11_appG1.json');
  const script = [{ command: '0022C1A412800A04007F0007020204020283010184010D', response: '9000' }, ...v.apdus.slice(1)];
  const transport = new ScriptedTransport(script);
  await performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.2.2', parameterId: 13 }, mrzKey(v.password), {
    random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private),
  });
  assert.equal(transport.remaining, 0);
});

test('PACE-DH-GM replays App. G.2 (RFC 5114 1024-bit, parameter id 0)', async () => {
  const v = vector('pace_dh_gm_rfc5114_1024_icao9303_p11_appG2.json');
  for (const response of [v.apdus[4].response, v.apdus[4].response_alt + '9000']) {
    const script = [...v.apdus.slice(0, 4), { command: v.apdus[4].command, response }];
    const transport = new ScriptedTransport(script);
    const result = await performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.1.2', parameterId: 0 }, mrzKey(v.password), {
      random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private),
      sendParameterId: false,
    });
    assert.equal(transport.remaining, 0);
    assert.equal(result.protocol, 'PACE-DH-GM-AES-128 RFC5114-1024-160');
    checkKeys(v, result);
    // The optional DO'87' (CAR) of the alternative answer is surfaced for Terminal Authentication.
    const cars = result.certificationAuthorityReferences.map((c) => Buffer.from(c).toString('latin1'));
    assert.deepEqual(cars, response === v.apdus[4].response ? [] : ['DETESTCVCA00003']);
  }
});

test('PACE-ECDH-IM replays App. H.1 (CAN 123456)', async () => {
  const v = vector('pace_ecdh_im_brainpoolp256r1_icao9303_p11_appH1.json');
  const transport = new ScriptedTransport(v.apdus);
  const result = await performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.4.2', parameterId: 13 }, canKey(v.password.can), {
    random: scriptedRandom(v.mapping.nonce_t, v.key_agreement.terminal_private),
    sendParameterId: false,
  });
  assert.equal(transport.remaining, 0);
  assert.equal(result.protocol, 'PACE-ECDH-IM-AES-128 brainpoolP256r1');
  checkKeys(v, result);
});

test('PACE-DH-IM replays App. H.2 (1024-bit terminal exponent)', async () => {
  const v = vector('pace_dh_im_rfc5114_1024_icao9303_p11_appH2.json');
  const transport = new ScriptedTransport(v.apdus);
  const result = await performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.3.2', parameterId: 0 }, canKey(v.password.can), {
    random: scriptedRandom(v.mapping.nonce_t, v.key_agreement.terminal_private),
    sendParameterId: false,
  });
  assert.equal(transport.remaining, 0);
  checkKeys(v, result);
});

test('PACE-ECDH-CAM replays App. I and decrypts the chip authentication data', async () => {
  const v = vector('pace_ecdh_cam_brainpoolp256r1_icao9303_p11_appI.json');
  const transport = new ScriptedTransport(v.apdus);
  const result = await performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.6.2', parameterId: 13 }, mrzKey(v.password), {
    random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private),
    sendParameterId: false,
  });
  assert.equal(transport.remaining, 0);
  assert.equal(result.protocol, 'PACE-ECDH-CAM-AES-128 brainpoolP256r1');
  checkKeys(v, result);
  assert.ok(result.cam);
  assert.equal(toHex(result.cam.chipAuthenticationData), v.chip_authentication.ca_ic);
  assert.equal(toHex(result.cam.chipMappingPublicKey), '04' + v.mapping.chip_public_x + v.mapping.chip_public_y);
});

test('a wrong MRZ ends in ACCESS_DENIED when the chip answers 6300', async () => {
  const v = vector('pace_ecdh_gm_brainpoolp256r1_icao9303_p11_appG1.json');
  // Another password: the terminal decrypts another nonce, so its keys differ from the script's
  // from the mapping step on; the chip (script) rejects the terminal token with 6300.
  const wrong: AccessKey = { kind: 'MRZ', mrz: mrzInformation('T22000130', '640812', '101031') };
  const answers = [v.apdus[0].response, v.apdus[1].response, v.apdus[2].response, v.apdus[3].response, '6300'];
  const transport = { transmit: async (): Promise<Uint8Array> => fromHex(answers.shift() ?? '6F00') };
  await assert.rejects(
    performPace(transport, { oid: '0.4.0.127.0.7.2.2.4.2.2', parameterId: 13 }, wrong, {
      random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private),
      sendParameterId: false,
    }),
    (e) => isEidError(e, 'ACCESS_DENIED'),
  );
});
