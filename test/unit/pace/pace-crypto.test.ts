import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { mrzInformation, canKey } from '../../../core/mrz/index.ts';
import { curveByName, decodePoint, encodePoint, icaoPointEncode } from '../../../core/crypto/ec/index.ts';
import { RFC5114_1024_160 } from '../../../core/crypto/dh.ts';
import { paceAlgorithm, paceAlgorithmLabel, paceOid } from '../../../core/emrtd/pace/pace-algorithm.ts';
import { dhPaceGroup, ecPaceGroup } from '../../../core/emrtd/pace/pace-group.ts';
import {
  authenticationToken, decryptCamData, decryptNonce, encryptCamData, encryptNonce, passwordKey, pseudoRandomMapping, tokenInput,
} from '../../../core/emrtd/pace/pace-crypto.ts';
import { genericMapping, integratedMapping } from '../../../core/emrtd/pace/pace-mapping.ts';
import { vector } from '../../../fixtures/index.ts';

const g1 = vector('pace_ecdh_gm_brainpoolp256r1_icao9303_p11_appG1.json');
const g2 = vector('pace_dh_gm_rfc5114_1024_icao9303_p11_appG2.json');
const h1 = vector('pace_ecdh_im_brainpoolp256r1_icao9303_p11_appH1.json');
const h2 = vector('pace_dh_im_rfc5114_1024_icao9303_p11_appH2.json');
const cam = vector('pace_ecdh_cam_brainpoolp256r1_icao9303_p11_appI.json');

test('PACE OIDs: parse, label and build; 3DES-CAM and unknown arcs do not exist', () => {
  const a = paceAlgorithm('0.4.0.127.0.7.2.2.4.2.2')!;
  assert.deepEqual({ ...a }, { oid: '0.4.0.127.0.7.2.2.4.2.2', agreement: 'ECDH', mapping: 'GM', cipher: 'AES', keyBits: 128 });
  assert.equal(paceAlgorithmLabel(paceAlgorithm('0.4.0.127.0.7.2.2.4.3.1')!), 'PACE-DH-IM-3DES');
  assert.equal(paceAlgorithmLabel(paceAlgorithm('0.4.0.127.0.7.2.2.4.6.4')!), 'PACE-ECDH-CAM-AES-256');
  for (const bad of ['0.4.0.127.0.7.2.2.4.6.1', '0.4.0.127.0.7.2.2.4.5.2', '0.4.0.127.0.7.2.2.4.2.5', '0.4.0.127.0.7.2.2.4.2', '0.4.0.127.0.7.2.2.3.2.2']) {
    assert.equal(paceAlgorithm(bad), undefined, bad);
  }
  assert.equal(paceOid('DH', 'IM', 'AES', 192), '0.4.0.127.0.7.2.2.4.3.3');
  assert.throws(() => paceOid('DH', 'CAM', 'AES', 128), RangeError);
});

test('password keys Kπ from MRZ (G.1, App. I) and CAN (H.1)', () => {
  const gm = paceAlgorithm('0.4.0.127.0.7.2.2.4.2.2')!;
  const mrz = (p: any) => ({ kind: 'MRZ' as const, mrz: mrzInformation(p.document_number, p.date_of_birth, p.date_of_expiry) });
  assert.equal(toHex(passwordKey(mrz(g1.password), gm)), g1.password.k_pi);
  assert.equal(toHex(passwordKey(mrz(cam.password), gm)), cam.password.k_pi);
  assert.equal(toHex(passwordKey(canKey(h1.password.can), gm)), h1.password.k_pi);
});

test('nonce encryption round trip and the ICAO nonces', () => {
  const gm = paceAlgorithm('0.4.0.127.0.7.2.2.4.2.2')!;
  assert.equal(toHex(decryptNonce(gm, fromHex(g1.password.k_pi), fromHex(g1.nonce.encrypted_z))), g1.nonce.decrypted_s);
  assert.equal(toHex(encryptNonce(gm, fromHex(g1.password.k_pi), fromHex(g1.nonce.decrypted_s))), g1.nonce.encrypted_z);
  const tdes = paceAlgorithm('0.4.0.127.0.7.2.2.4.2.1')!;
  const s = fromHex('0011223344556677');
  assert.deepEqual(decryptNonce(tdes, fromHex(g1.password.k_pi), encryptNonce(tdes, fromHex(g1.password.k_pi), s)), s);
  for (const z of ['', '00'.repeat(15), '00'.repeat(80)]) {
    assert.throws(() => decryptNonce(gm, fromHex(g1.password.k_pi), fromHex(z)), (e) => isEidError(e, 'PACE_FAILED'));
  }
});

test('generic mapping: G~ of G.1 (ECDH) and G.2 (DH)', () => {
  const curve = curveByName('brainpoolP256r1');
  const ec = ecPaceGroup(curve);
  const H = decodePoint(curve, fromHex('04' + g1.mapping.shared_point_h_x + g1.mapping.shared_point_h_y));
  assert.equal(toHex(encodePoint(curve, genericMapping(ec, fromHex(g1.nonce.decrypted_s), H))), '04' + g1.mapping.mapped_generator_x + g1.mapping.mapped_generator_y);
  const dh = dhPaceGroup(RFC5114_1024_160);
  const gTilde = genericMapping(dh, fromHex(g2.nonce.decrypted_s), BigInt('0x' + g2.mapping.shared_secret_h));
  assert.equal(toHex(dh.encodePublicKey(gTilde)), g2.mapping.mapped_generator);
});

test('integrated mapping: R(s,t), Rp and G~ of H.1 (point encoding) and H.2 (DH)', () => {
  const im = paceAlgorithm('0.4.0.127.0.7.2.2.4.4.2')!;
  const s1 = fromHex(h1.nonce.decrypted_s);
  const t1 = fromHex(h1.mapping.nonce_t);
  const curve = curveByName('brainpoolP256r1');
  const rp1 = pseudoRandomMapping(im, s1, t1, curve.params.p);
  assert.equal(rp1, BigInt('0x' + h1.mapping.r_s_t) % curve.params.p);
  assert.equal(rp1, BigInt('0x' + h1.mapping.r_p));
  assert.equal(toHex(encodePoint(curve, icaoPointEncode(curve, rp1))), '04' + h1.mapping.mapped_generator_x + h1.mapping.mapped_generator_y);
  const dh = dhPaceGroup(RFC5114_1024_160);
  const rp2 = pseudoRandomMapping(im, fromHex(h2.nonce.decrypted_s), fromHex(h2.mapping.nonce_t), RFC5114_1024_160.p);
  assert.equal(rp2, BigInt('0x' + h2.mapping.r_p));
  assert.equal(toHex(dh.encodePublicKey(integratedMapping(dh, im, fromHex(h2.nonce.decrypted_s), fromHex(h2.mapping.nonce_t)))), h2.mapping.mapped_generator);
  // t must have the key length; s must be 16, 24 or 32 bytes.
  assert.throws(() => pseudoRandomMapping(im, s1, t1.subarray(1), curve.params.p), (e) => isEidError(e, 'PACE_FAILED'));
  assert.throws(() => pseudoRandomMapping(im, s1.subarray(8), t1, curve.params.p), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
});

test('tokens: AES CMAC over the unpadded 7F49 input (G.1), retail MAC over the padded input for 3DES', () => {
  const gm = paceAlgorithm('0.4.0.127.0.7.2.2.4.2.2')!;
  const curve = curveByName('brainpoolP256r1');
  const ec = ecPaceGroup(curve);
  const chipPublic = fromHex('04' + g1.key_agreement.chip_public_x + g1.key_agreement.chip_public_y);
  const input = tokenInput(gm, ec, chipPublic);
  assert.equal(toHex(input), g1.authentication.t_ifd_input);
  assert.equal(toHex(authenticationToken(gm, fromHex(g1.session_keys.ks_mac), input)), g1.authentication.t_ifd);
  // DH token input carries the public value under tag 84 (G.2).
  const dhIn = tokenInput(paceAlgorithm('0.4.0.127.0.7.2.2.4.1.2')!, dhPaceGroup(RFC5114_1024_160), fromHex(g2.key_agreement.chip_public));
  assert.equal(toHex(dhIn), g2.authentication.t_ifd_input);
  // gmrtd's NZ passport trace: PACE-ECDH-GM-3DES token.
  const tdes = paceAlgorithm('0.4.0.127.0.7.2.2.4.2.1')!;
  const nz = vector('mac_retail_cmac_kdf_vectors.json').retail_mac_iso9797_1_alg3.find((v: any) => v.id === 'gmrtd_pace_3des_token');
  const nzPadded = fromHex(nz.message);
  const nzInput = nzPadded.subarray(0, nzPadded.length - 6); // 82 bytes of 7F49, then 80 00 00 00 00 00
  assert.equal(nzInput.length, 0x4f + 3);
  assert.equal(toHex(authenticationToken(tdes, fromHex(nz.key), nzInput)), nz.mac);
});

test('CAM data: App. I A_IC decrypts to CA_IC; round trip; garbage is PACE_FAILED', () => {
  const kEnc = fromHex(cam.session_keys.ks_enc);
  assert.equal(toHex(decryptCamData(kEnc, fromHex(cam.chip_authentication.encrypted_ca_data_a_ic))), cam.chip_authentication.ca_ic);
  assert.equal(toHex(encryptCamData(kEnc, fromHex(cam.chip_authentication.ca_ic))), cam.chip_authentication.encrypted_ca_data_a_ic);
  assert.throws(() => decryptCamData(kEnc, new Uint8Array(17)), (e) => isEidError(e, 'PACE_FAILED'));
  assert.throws(() => decryptCamData(kEnc, new Uint8Array(32)), (e) => isEidError(e, 'PACE_FAILED'));
});
