import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCardAccess, paceInfos } from '../../../core/lds/card-access.ts';
import { encodeDg14, parseDg14 } from '../../../core/lds/dg14.ts';
import { encodeDg15, parseDg15 } from '../../../core/lds/dg15.ts';
import { encodeSecurityInfos, parseSecurityInfosBytes, type SecurityInfo } from '../../../core/lds/security-infos.ts';
import { bitString, oid, sequence, set, integer } from '../../../core/bytes/der.ts';
import { toHex } from '../../../core/bytes/hex.ts';
import { generateRsaKeyPair } from '../../../core/crypto/node-crypto.ts';
import { isEidError } from '../../../core/errors.ts';
import { sample } from './samples.ts';

const P256 = '1.2.840.10045.3.1.7';
const ecSpki = (curve: string): Uint8Array => sequence(sequence(oid('1.2.840.10045.2.1'), oid(curve)), bitString(Uint8Array.of(4, ...new Uint8Array(64).fill(7))));

test('EF.CardAccess sample: two PACEInfos (GM and CAM, brainpoolP384r1 = 16)', () => {
  const { bytes, element } = sample('ef_cardaccess_gm_cam_p384');
  const infos = parseCardAccess(bytes);
  const pace = paceInfos(infos);
  assert.deepEqual(pace.map((p) => [p.oid, p.version, p.parameterId]), [[element.oids![0], 2, 16], [element.oids![1], 2, 16]]);
  // Re-encoding from the parsed values gives the same bytes (already in DER SET OF order).
  assert.equal(toHex(encodeSecurityInfos(pace.map((p) => ({ type: 'PACEInfo', oid: p.oid, version: p.version, parameterId: p.parameterId! })))), element.hex);
});

test('ChipAuthenticationPublicKeyInfo sample (App. I): BSI standardized parameters 13, keyId 13', () => {
  const { bytes, element } = sample('ca_public_key_info_appI');
  const [info] = parseSecurityInfosBytes(set(bytes), 'DG14');
  assert.equal(info!.type, 'ChipAuthenticationPublicKeyInfo');
  const pk = info as Extract<SecurityInfo, { type: 'ChipAuthenticationPublicKeyInfo' }>;
  assert.equal(pk.oid, element.oids![0]);
  assert.equal(pk.publicKey.algorithm.oid, element.oids![1]);
  assert.deepEqual(pk.publicKey.parameters, { kind: 'standardized', parameterId: 13 });
  assert.equal(pk.publicKey.keyType, 'EC');
  assert.equal(pk.publicKey.publicKey.length, 65);
  assert.equal(pk.keyId, 13);
});

test('DG14 round trip: CA info, CA public key (named curve), AA info, TA info, unknown kept raw', () => {
  const unknown = sequence(oid('1.2.3.4'), integer(5));
  const dg14 = encodeDg14([
    { type: 'ChipAuthenticationInfo', oid: '0.4.0.127.0.7.2.2.3.2.4', version: 1, keyId: 1 },
    { type: 'ChipAuthenticationPublicKeyInfo', oid: '0.4.0.127.0.7.2.2.1.2', subjectPublicKeyInfo: ecSpki(P256), keyId: 1 },
    { type: 'ActiveAuthenticationInfo', signatureAlgorithm: '0.4.0.127.0.7.1.1.4.1.3' },
    { type: 'TerminalAuthenticationInfo' },
    { type: 'Raw', raw: unknown },
  ]);
  const infos = parseDg14(dg14).securityInfos;
  const byType = new Map(infos.map((i) => [i.type, i]));
  assert.equal(infos.length, 5);
  assert.deepEqual(byType.get('ChipAuthenticationInfo'), { type: 'ChipAuthenticationInfo', oid: '0.4.0.127.0.7.2.2.3.2.4', raw: byType.get('ChipAuthenticationInfo')!.raw, version: 1, keyId: 1 });
  const pk = byType.get('ChipAuthenticationPublicKeyInfo') as Extract<SecurityInfo, { type: 'ChipAuthenticationPublicKeyInfo' }>;
  assert.deepEqual(pk.publicKey.parameters, { kind: 'ec', ec: { kind: 'named', curveOid: P256 } });
  assert.equal(toHex(pk.publicKey.raw), toHex(ecSpki(P256)));
  assert.equal((byType.get('ActiveAuthenticationInfo') as { signatureAlgorithm: string }).signatureAlgorithm, '0.4.0.127.0.7.1.1.4.1.3');
  assert.equal(toHex(byType.get('Unknown')!.raw), toHex(unknown));
});

test('DG15: RSA key with modulus size; EC key; DH key refused', () => {
  const rsa = generateRsaKeyPair(1024);
  const dg15 = parseDg15(encodeDg15(rsa.spkiDer));
  assert.equal(dg15.publicKey.keyType, 'RSA');
  assert.equal(dg15.publicKey.parameters.kind === 'rsa' && dg15.publicKey.parameters.modulusBits, 1024);
  assert.equal(toHex(dg15.publicKey.raw), toHex(rsa.spkiDer));
  assert.equal(parseDg15(encodeDg15(ecSpki(P256))).publicKey.keyType, 'EC');
  const dh = sequence(sequence(oid('0.4.0.127.0.7.1.2'), integer(0)), bitString(integer(5)));
  assert.throws(() => parseDg15(encodeDg15(dh)), (e) => isEidError(e, 'LDS_MALFORMED'));
});

test('SecurityInfos that are not a SET, or have a bad version, are LDS_MALFORMED', () => {
  assert.throws(() => parseCardAccess(sequence(sequence(oid('0.4.0.127.0.7.2.2.4.2.2'), integer(2)))), (e) => isEidError(e, 'LDS_MALFORMED'));
  assert.throws(() => parseCardAccess(set(sequence(oid('0.4.0.127.0.7.2.2.4.2.2'), oid('1.2')))), (e) => isEidError(e, 'LDS_MALFORMED'));
  assert.throws(() => parseDg14(Uint8Array.of(0x6e, 0x04, 0x31, 0x00, 0x31, 0x00)), (e) => isEidError(e, 'LDS_MALFORMED'));
});
