import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex } from '../../../core/bytes/hex.ts';
import { bigIntToBytes } from '../../../core/bytes/bytes.ts';
import { bitString, integer, octetString, oid, sequence } from '../../../core/bytes/der.ts';
import { curveByName, type EcCurve } from '../../../core/crypto/ec/index.ts';
import { RFC5114_1024_160, modPow } from '../../../core/crypto/dh.ts';
import { encodeDg14, parseDg14 } from '../../../core/lds/dg14.ts';
import { parseSecurityInfosBytes, type SecurityInfoInput } from '../../../core/lds/security-infos.ts';
import { SecureMessaging } from '../../../core/emrtd/sm/secure-messaging.ts';
import { deriveSessionKeys } from '../../../core/emrtd/sm/sm-channel.ts';
import { chipAuthenticationKeys, chipAuthenticationOid } from '../../../core/emrtd/chip-auth/chip-auth-keys.ts';
import { performChipAuthentication } from '../../../core/emrtd/chip-auth/chip-auth.ts';
import { verifyChipAuthenticationMapping } from '../../../core/emrtd/chip-auth/chip-auth-cam.ts';
import { dhPaceGroup, ecPaceGroup, type PaceGroup } from '../../../core/emrtd/pace/pace-group.ts';
import { CaCard, type CaCardKey } from '../../../core/chip/ca-card.ts';
import { performPace } from '../../../core/emrtd/pace/pace-terminal.ts';
import { mrzInformation } from '../../../core/mrz/index.ts';
import { VirtualPaceChip } from './virtual-pace-chip.ts';
import { realData, vector } from '../../../fixtures/index.ts';

const ID_PK_DH = '0.4.0.127.0.7.2.2.1.1';
const ID_PK_ECDH = '0.4.0.127.0.7.2.2.1.2';

function ecSpki(curve: EcCurve, point: Uint8Array, explicit = false): Uint8Array {
  const { p, a, b, n, h } = curve.params;
  const L = curve.fieldLength;
  const params = explicit
    ? sequence(integer(1), sequence(oid('1.2.840.10045.1.1'), integer(p)), sequence(octetString(bigIntToBytes(a, L)), octetString(bigIntToBytes(b, L))),
      octetString(curve.Point.BASE.toBytes(false)), integer(n), integer(h))
    : oid(curve.oid!);
  return sequence(sequence(oid('1.2.840.10045.2.1'), params), bitString(point));
}

function dhSpki(y: bigint): Uint8Array {
  const g = RFC5114_1024_160;
  return sequence(sequence(oid('1.2.840.10046.2.1'), sequence(integer(g.p), integer(g.g), integer(g.q!))), bitString(integer(y)));
}

interface Fixture {
  readonly infos: SecurityInfoInput[];
  readonly card: CaCardKey;
}

/** A chip key pair, its DG14 entries (public key + protocol info) and the card's private half. */
function ecKey(curveName: string, cipher: '3DES' | 'AES', keyBits: 128 | 192 | 256, privateKey: bigint, keyId?: number, explicit = false): Fixture {
  const curve = curveByName(curveName);
  const group = ecPaceGroup(curve);
  const caOid = chipAuthenticationOid('ECDH', cipher, keyBits);
  const spki = ecSpki(curve, group.encodePublicKey(group.multiply(group.generator, privateKey)), explicit);
  const ids = keyId === undefined ? {} : { keyId };
  return {
    infos: [
      { type: 'ChipAuthenticationInfo', oid: caOid, ...ids },
      { type: 'ChipAuthenticationPublicKeyInfo', oid: ID_PK_ECDH, subjectPublicKeyInfo: spki, ...ids },
    ],
    card: { oid: caOid, group, privateKey, ...ids },
  };
}

function dhKey(cipher: '3DES' | 'AES', privateKey: bigint): Fixture {
  const group: PaceGroup = dhPaceGroup(RFC5114_1024_160);
  const caOid = chipAuthenticationOid('DH', cipher, 128);
  return {
    infos: [
      { type: 'ChipAuthenticationInfo', oid: caOid },
      { type: 'ChipAuthenticationPublicKeyInfo', oid: ID_PK_DH, subjectPublicKeyInfo: dhSpki(modPow(RFC5114_1024_160.g, privateKey, RFC5114_1024_160.p)) },
    ],
    card: { oid: caOid, group, privateKey },
  };
}

const SM_KEYS = deriveSessionKeys('AES', fromHex('00112233445566778899AABBCCDDEEFF'), 128);
let seed = 99;
const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 69069 + 1) % 4294967296) >>> 24);

/** Terminal SM and a chip with CA keys, sharing SM_KEYS; DG14 parsed back from its encoding. */
function setup(dg14Infos: SecurityInfoInput[], cardKeys: CaCardKey[]) {
  const chip = new VirtualPaceChip({ protocols: [] }, new CaCard(cardKeys), SM_KEYS);
  const sm = new SecureMessaging(chip, SM_KEYS);
  const keys = chipAuthenticationKeys(parseDg14(encodeDg14(dg14Infos)).securityInfos);
  return { chip, sm, keys };
}

test('CA passes for ECDH and DH keys, 3DES and AES, named and explicit curves; SM continues on new keys', async () => {
  const fixtures: [string, Fixture][] = [
    ['CA-ECDH-AES-128 brainpoolP256r1', ecKey('brainpoolP256r1', 'AES', 128, 0x1234567890abcdefn)],
    ['CA-ECDH-3DES P-256', ecKey('P-256', '3DES', 128, 0xfeedfacecafebeefn)],
    ['CA-ECDH-AES-256 brainpoolP384r1', ecKey('brainpoolP384r1', 'AES', 256, 0x42424242n, 7, true)],
    ['CA-ECDH-AES-192 P-521', ecKey('P-521', 'AES', 192, 0x5151n)],
    ['CA-DH-3DES RFC5114-1024-160', dhKey('3DES', 0x0badc0ffeen)],
    ['CA-DH-AES-128 RFC5114-1024-160', dhKey('AES', 0x1337n)],
  ];
  for (const [label, fixture] of fixtures) {
    const { sm, keys } = setup(fixture.infos, [fixture.card]);
    const result = await performChipAuthentication(sm, keys, { random });
    assert.equal(result.status, 'PASS', `${label}: ${result.detail}`);
    assert.equal(result.protocol, label);
    assert.equal(sm.cipher, label.includes('3DES') ? '3DES' : 'AES');
    // The session keeps working under the CA keys.
    const read = await sm.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x09));
    assert.equal(read.length, 11);
  }
});

test('a clone without the DG14 private key fails: its answer does not verify under the new keys', async () => {
  const genuine = ecKey('brainpoolP256r1', 'AES', 128, 0xabcdefn);
  const clone = { ...genuine.card, privateKey: 0xabcdeen };
  const { sm, keys } = setup(genuine.infos, [clone]);
  const result = await performChipAuthentication(sm, keys, { random });
  assert.equal(result.status, 'FAIL');
  assert.match(result.detail ?? '', /did not verify/);
  const genuine3des = ecKey('P-256', '3DES', 128, 0xabcdefn);
  const s2 = setup(genuine3des.infos, [{ ...genuine3des.card, privateKey: 0x1111n }]);
  assert.equal((await performChipAuthentication(s2.sm, s2.keys, { random })).status, 'FAIL');
});

test('keys are tried by keyId; a chip refusing all of its keys fails', async () => {
  const k1 = ecKey('brainpoolP256r1', 'AES', 128, 0x111n, 1);
  const k2 = ecKey('brainpoolP256r1', 'AES', 128, 0x222n, 2);
  const { sm, keys } = setup([...k1.infos, ...k2.infos], [k2.card]);
  assert.deepEqual(keys.map((k) => k.keyId), [1, 2]);
  const result = await performChipAuthentication(sm, keys, { random });
  assert.equal(result.status, 'PASS');
  assert.equal(result.keyId, 2);

  const refusing = setup(k1.infos, []);
  const refused = await performChipAuthentication(refusing.sm, refusing.keys, { random });
  assert.equal(refused.status, 'FAIL');
  assert.match(refused.detail ?? '', /refused/);
});

test('no key or only unusable keys: NOT_SUPPORTED, and nothing is sent', async () => {
  const { sm, chip } = setup([], []);
  assert.equal((await performChipAuthentication(sm, [], { random })).status, 'NOT_SUPPORTED');
  const rsaSpki = sequence(sequence(oid('1.2.840.113549.1.1.1'), Uint8Array.of(0x05, 0x00)), bitString(sequence(integer(0xc5n), integer(65537))));
  const rsa = chipAuthenticationKeys(parseDg14(encodeDg14([{ type: 'ChipAuthenticationPublicKeyInfo', oid: ID_PK_ECDH, subjectPublicKeyInfo: rsaSpki }])).securityInfos);
  const badDh = chipAuthenticationKeys(parseDg14(encodeDg14([{ type: 'ChipAuthenticationPublicKeyInfo', oid: ID_PK_DH, subjectPublicKeyInfo: dhSpki(1n) }])).securityInfos);
  for (const keys of [rsa, badDh]) {
    const result = await performChipAuthentication(sm, keys, { random });
    assert.equal(result.status, 'NOT_SUPPORTED');
  }
  assert.equal(chip.commands, 0);
});

test('a key without ChipAuthenticationInfo defaults to 3DES', () => {
  const k = ecKey('P-256', 'AES', 128, 5n);
  const keys = chipAuthenticationKeys(parseDg14(encodeDg14([k.infos[1]!])).securityInfos);
  assert.equal(keys[0]!.oid, chipAuthenticationOid('ECDH', '3DES', 128));
});

test('CAM: ICAO App. I chip data verifies against its CAPublicKeyInfo; another key fails', async () => {
  const v = vector('pace_ecdh_cam_brainpoolp256r1_icao9303_p11_appI.json');
  const { ScriptedTransport, scriptedRandom } = await import('./helpers.ts');
  const result = await performPace(
    new ScriptedTransport(v.apdus),
    { oid: '0.4.0.127.0.7.2.2.4.6.2', parameterId: 13 },
    { kind: 'MRZ', mrz: mrzInformation(v.password.document_number, v.password.date_of_birth, v.password.date_of_expiry) },
    { random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private), sendParameterId: false },
  );
  const keys = chipAuthenticationKeys(parseSecurityInfosBytes(sequenceSet(fromHex(v.chip_authentication.chip_authentication_public_key_info)), 'CardSecurity'));
  assert.equal(keys.length, 1);
  assert.deepEqual(verifyChipAuthenticationMapping(result.cam, keys), { status: 'PASS', method: 'CAM', protocol: 'PACE-CAM', keyId: 13 });
  const other = ecKey('brainpoolP256r1', 'AES', 128, 77n);
  const otherKeys = chipAuthenticationKeys(parseDg14(encodeDg14(other.infos)).securityInfos);
  assert.equal(verifyChipAuthenticationMapping(result.cam, otherKeys).status, 'FAIL');
  assert.equal(verifyChipAuthenticationMapping(result.cam, chipAuthenticationKeys(parseDg14(encodeDg14(ecKey('P-256', 'AES', 128, 7n).infos)).securityInfos)).status, 'FAIL');
  assert.equal(verifyChipAuthenticationMapping(result.cam, []).status, 'NOT_SUPPORTED');
  assert.equal(verifyChipAuthenticationMapping(undefined, keys).status, 'NOT_SUPPORTED');
});

/** Wraps one SecurityInfo in a SET so the LDS parser reads it. */
function sequenceSet(info: Uint8Array): Uint8Array {
  return Uint8Array.of(0x31, info.length, ...info);
}

test('real EF.CardSecurity (DE, FI): CA keys and PACE candidates', async () => {
  const { parseCardSecurity } = await import('../../../core/lds/card-access.ts');
  const { paceCandidates } = await import('../../../core/emrtd/pace/pace-select.ts');
  const { chipAuthenticationGroup } = await import('../../../core/emrtd/chip-auth/chip-auth-keys.ts');
  const read = (c: string) => parseCardSecurity(realData(`sod/${c}/CardSecurity`)).securityInfos;
  const de = read('DE');
  const deKeys = chipAuthenticationKeys(de);
  // Key 72 has its ChipAuthenticationInfo (AES-128) and goes first; key 13 is the PACE-CAM key.
  assert.deepEqual(deKeys.map((k) => [k.keyId, k.oid]), [[72, chipAuthenticationOid('ECDH', 'AES', 128)], [13, chipAuthenticationOid('ECDH', '3DES', 128)]]);
  for (const k of deKeys) assert.equal(chipAuthenticationGroup(k.publicKey).group.label, 'brainpoolP256r1');
  assert.deepEqual(paceCandidates(de), [{ oid: '0.4.0.127.0.7.2.2.4.6.2', parameterId: 13 }, { oid: '0.4.0.127.0.7.2.2.4.2.2', parameterId: 13 }]);
  const fi = read('FI');
  assert.deepEqual(chipAuthenticationKeys(fi).map((k) => [k.keyId, chipAuthenticationGroup(k.publicKey).group.label]), [[16, 'brainpoolP384r1']]);
  assert.equal(paceCandidates(fi)[0]!.oid, '0.4.0.127.0.7.2.2.4.6.4');
});
