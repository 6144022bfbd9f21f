import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { canKey, mrzInformation, type AccessKey } from '../../../core/mrz/index.ts';
import { STANDARD_PARAMETER_IDS, agreementOfParameterId } from '../../../core/emrtd/pace/pace-parameters.ts';
import { paceAlgorithm, paceOid, type PaceCipher, type PaceKeyBits, type PaceMapping } from '../../../core/emrtd/pace/pace-algorithm.ts';
import { performPace } from '../../../core/emrtd/pace/pace-terminal.ts';
import { ecPaceGroup } from '../../../core/emrtd/pace/pace-group.ts';
import { curveByName } from '../../../core/crypto/ec/index.ts';
import { FILE_CONTENT, VirtualPaceChip } from './virtual-pace-chip.ts';

const MRZ = mrzInformation('C11T002JM', '960812', '231031');
const MRZ_KEY: AccessKey = { kind: 'MRZ', mrz: MRZ };
const CAN = '123456';

/** Deterministic but varied bytes, so the matrix is reproducible. */
function counterRandom(seed: number) {
  let x = seed;
  return (n: number) => Uint8Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) % 2147483648) & 0xff);
}

const CAM_KEY = 0x86c88a4579ce48135878e6348a734b5d47ce5bc1e54c0e8978687b49fde2e2c2n;

async function run(oid: string, parameterId: number, key: AccessKey = MRZ_KEY, seed = 7) {
  const chip = new VirtualPaceChip({ protocols: [{ oid, parameterId }], mrzInformation: MRZ.value, can: CAN, camPrivateKey: CAM_KEY, random: counterRandom(seed) });
  const result = await performPace(chip, { oid, parameterId }, key, { random: counterRandom(seed + 1000) });
  // Proof both sides hold the same keys: a protected READ BINARY round trip.
  const response = await result.transport.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x09));
  assert.equal(toHex(response), toHex(FILE_CONTENT) + '9000', `${result.protocol}: SM round trip`);
  return result;
}

const GROUPS: { name: string; id: number }[] = [
  { name: 'brainpoolP256r1', id: 13 },
  { name: 'P-256', id: 12 },
  { name: 'P-384', id: 15 },
  { name: 'P-521', id: 18 },
  { name: 'brainpoolP512r1', id: 17 },
  { name: 'DH 1024', id: 0 },
];
const SUITES: { cipher: PaceCipher; keyBits: PaceKeyBits }[] = [
  { cipher: '3DES', keyBits: 128 },
  { cipher: 'AES', keyBits: 128 },
  { cipher: 'AES', keyBits: 192 },
  { cipher: 'AES', keyBits: 256 },
];

/**
 * Representative matrix: every mapping x group once, the cipher suite rotating through the
 * groups so each mapping also meets every suite (6 or 5 groups >= 4 or 3 suites).
 */
function matrix(): { mapping: PaceMapping; group: (typeof GROUPS)[number]; suite: (typeof SUITES)[number] }[] {
  const out: ReturnType<typeof matrix> = [];
  for (const mapping of ['GM', 'IM', 'CAM'] as PaceMapping[]) {
    // CAM exists for ECDH with AES only.
    const suites = mapping === 'CAM' ? SUITES.filter((x) => x.cipher === 'AES') : SUITES;
    const groups = mapping === 'CAM' ? GROUPS.filter((g) => agreementOfParameterId(g.id) === 'ECDH') : GROUPS;
    groups.forEach((group, i) => out.push({ mapping, group, suite: suites[i % suites.length]! }));
  }
  return out;
}

test('terminal vs card in-process: mappings x groups x cipher suites, SM works on the new keys', async () => {
  const seen = new Set<string>();
  for (const [i, { mapping, group, suite }] of matrix().entries()) {
    const agreement = agreementOfParameterId(group.id)!;
    const oid = paceOid(agreement, mapping, suite.cipher, suite.keyBits);
    const result = await run(oid, group.id, i % 2 === 0 ? MRZ_KEY : canKey(CAN), i);
    assert.equal(result.algorithm.mapping, mapping);
    assert.equal(result.sessionKeys.kEnc.length, suite.cipher === '3DES' ? 16 : suite.keyBits / 8);
    if (mapping === 'CAM') {
      assert.ok(result.cam);
      const g = result.cam.group;
      // CA_IC · PK_IC = PK_Map,IC with PK_IC = SK_IC · G.
      const pkIc = g.multiply(g.generator, CAM_KEY);
      const ca = BigInt('0x' + toHex(result.cam.chipAuthenticationData));
      assert.equal(toHex(g.encodePublicKey(g.multiply(pkIc, ca))), toHex(result.cam.chipMappingPublicKey));
    }
    seen.add(`${mapping} ${group.name}`).add(`${mapping} ${suite.cipher}-${suite.keyBits}`);
  }
  // 6 + 6 + 5 mapping/group pairs and 4 + 4 + 3 mapping/suite pairs.
  assert.equal(seen.size, 17 + 11);
});

test('every standardised parameter id once (GM, AES-128), IM wherever the curve allows it', async () => {
  for (const id of STANDARD_PARAMETER_IDS) {
    const agreement = agreementOfParameterId(id)!;
    const result = await run(paceOid(agreement, 'GM', 'AES', 128), id, MRZ_KEY, id);
    assert.equal(result.parameterId, id);
  }
  // NIST P-224 has p = 1 mod 4: no ICAO point encoding, so IM there is refused before any APDU.
  await assert.rejects(run(paceOid('ECDH', 'IM', 'AES', 128), 10), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
  assert.equal(ecPaceGroup(curveByName('P-224')).supportsIntegratedMapping, false);
});

test('wrong MRZ or CAN is rejected with ACCESS_DENIED', async () => {
  for (const oid of [paceOid('ECDH', 'GM', 'AES', 128), paceOid('DH', 'IM', '3DES', 128), paceOid('ECDH', 'CAM', 'AES', 256)]) {
    const parameterId = paceAlgorithm(oid)!.agreement === 'DH' ? 0 : 13;
    const wrongMrz: AccessKey = { kind: 'MRZ', mrz: mrzInformation('C11T002JM', '960812', '231030') };
    await assert.rejects(run(oid, parameterId, wrongMrz), (e) => isEidError(e, 'ACCESS_DENIED'), oid);
    await assert.rejects(run(oid, parameterId, canKey('654321')), (e) => isEidError(e, 'ACCESS_DENIED'), oid);
  }
});

test('the card refuses protocols and passwords it does not offer', async () => {
  const offered = paceOid('ECDH', 'GM', 'AES', 128);
  const chip = new VirtualPaceChip({ protocols: [{ oid: offered, parameterId: 13 }], mrzInformation: MRZ.value });
  await assert.rejects(performPace(chip, { oid: offered, parameterId: 12 }, MRZ_KEY), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
  await assert.rejects(performPace(chip, { oid: paceOid('ECDH', 'IM', 'AES', 128), parameterId: 13 }, MRZ_KEY), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
  await assert.rejects(performPace(chip, { oid: offered, parameterId: 13 }, canKey(CAN)), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
  // Without 84 the card picks its PACEInfo for the OID.
  const result = await performPace(chip, { oid: offered, parameterId: 13 }, MRZ_KEY, { sendParameterId: false });
  assert.equal(result.protocol, 'PACE-ECDH-GM-AES-128 brainpoolP256r1');
});

test('terminal refuses unknown or reserved parameters before talking to the chip', async () => {
  const chip = new VirtualPaceChip({ protocols: [], mrzInformation: MRZ.value });
  for (const [oid, id] of [['0.4.0.127.0.7.2.2.4.2.2', 5], ['0.4.0.127.0.7.2.2.4.2.2', 0], ['0.4.0.127.0.7.2.2.4.1.2', 13], ['0.4.0.127.0.7.2.2.4.6.1', 13], ['1.2.3', 13]] as const) {
    await assert.rejects(performPace(chip, { oid, parameterId: id }, MRZ_KEY), (e) => isEidError(e, 'PACE_UNSUPPORTED'), `${oid} ${id}`);
  }
  assert.equal(chip.commands, 0);
});
