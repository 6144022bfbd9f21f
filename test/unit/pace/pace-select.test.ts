import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex } from '../../../core/bytes/hex.ts';
import { bigIntToBytes } from '../../../core/bytes/bytes.ts';
import { integer, octetString, oid, sequence } from '../../../core/bytes/der.ts';
import { isEidError } from '../../../core/errors.ts';
import { curveByName } from '../../../core/crypto/ec/index.ts';
import { parseCardAccess } from '../../../core/lds/card-access.ts';
import { encodeSecurityInfos, type SecurityInfoInput } from '../../../core/lds/security-infos.ts';
import { paceCandidates, performPaceWithCardAccess } from '../../../core/emrtd/pace/pace-select.ts';
import { paceOid } from '../../../core/emrtd/pace/pace-algorithm.ts';
import type { PaceInfoInput } from '../../../core/emrtd/pace/pace-types.ts';
import { mrzInformation, type AccessKey } from '../../../core/mrz/index.ts';
import { VirtualPaceChip } from './virtual-pace-chip.ts';

const MRZ = mrzInformation('C11T002JM', '960812', '231031');
const KEY: AccessKey = { kind: 'MRZ', mrz: MRZ };

test('the LDS sample EF.CardAccess (GM + CAM, brainpoolP384r1): CAM first, whatever the order', () => {
  const infos = parseCardAccess(fromHex('31283012060A04007F000702020402040201020201103012060A04007F00070202040604020102020110'));
  assert.deepEqual(paceCandidates(infos), [
    { oid: '0.4.0.127.0.7.2.2.4.6.4', parameterId: 16 },
    { oid: '0.4.0.127.0.7.2.2.4.2.4', parameterId: 16 },
  ]);
});

/** brainpoolP256r1 as explicit parameters in a PACEDomainParameterInfo AlgorithmIdentifier. */
function explicitDomain(): Uint8Array {
  const c = curveByName('brainpoolP256r1');
  const { p, a, b, n, h } = c.params;
  return sequence(oid('1.2.840.10045.2.1'), sequence(integer(1), sequence(oid('1.2.840.10045.1.1'), integer(p)),
    sequence(octetString(bigIntToBytes(a, 32)), octetString(bigIntToBytes(b, 32))), octetString(c.Point.BASE.toBytes(false)), integer(n), integer(h)));
}

const INFOS: SecurityInfoInput[] = [
  { type: 'PACEInfo', oid: paceOid('ECDH', 'IM', 'AES', 128), parameterId: 10 }, // P-224: no IM point encoding
  { type: 'PACEInfo', oid: paceOid('DH', 'GM', '3DES', 128), parameterId: 0 },
  { type: 'PACEInfo', oid: '0.4.0.127.0.7.2.2.4.9.9', parameterId: 13 }, // unknown protocol
  { type: 'PACEInfo', oid: paceOid('ECDH', 'GM', 'AES', 128), parameterId: 5 }, // reserved id
  { type: 'PACEInfo', oid: paceOid('ECDH', 'GM', 'AES', 256), parameterId: 32 },
  { type: 'PACEDomainParameterInfo', oid: '0.4.0.127.0.7.2.2.4.2', domainParameter: explicitDomain(), parameterId: 32 },
  { type: 'PACEInfo', oid: paceOid('ECDH', 'IM', 'AES', 128), parameterId: 12 },
];

test('candidates skip what cannot run and resolve proprietary ids to explicit parameters', () => {
  const candidates = paceCandidates(parseCardAccess(encodeSecurityInfos(INFOS)));
  assert.deepEqual(candidates.map((c) => [c.oid, c.parameterId, c.domainParameters?.agreement]), [
    [paceOid('ECDH', 'GM', 'AES', 256), 32, 'ECDH'],
    [paceOid('DH', 'GM', '3DES', 128), 0, undefined],
    [paceOid('ECDH', 'IM', 'AES', 128), 12, undefined],
  ]);
});

test('performPaceWithCardAccess moves on when the chip refuses a variant at MSE:Set AT', async () => {
  const infos = parseCardAccess(encodeSecurityInfos(INFOS));
  const onlyIm: PaceInfoInput = { oid: paceOid('ECDH', 'IM', 'AES', 128), parameterId: 12 };
  const chip = new VirtualPaceChip({ protocols: [onlyIm], mrzInformation: MRZ.value });
  const result = await performPaceWithCardAccess(chip, infos, KEY);
  assert.equal(result.protocol, 'PACE-ECDH-IM-AES-128 P-256');

  // The proprietary explicit-parameter variant runs end to end (card holds the same parameters).
  const explicit = paceCandidates(infos)[0]!;
  const explicitChip = new VirtualPaceChip({ protocols: [explicit], mrzInformation: MRZ.value });
  assert.equal((await performPaceWithCardAccess(explicitChip, infos, KEY)).protocol, 'PACE-ECDH-GM-AES-256 brainpoolP256r1');

  // Wrong key: no second attempt.
  const wrong: AccessKey = { kind: 'MRZ', mrz: mrzInformation('C11T002JM', '960812', '231030') };
  const counting = new VirtualPaceChip({ protocols: paceCandidates(infos), mrzInformation: MRZ.value });
  await assert.rejects(performPaceWithCardAccess(counting, infos, wrong), (e) => isEidError(e, 'ACCESS_DENIED'));
  assert.equal(counting.commands, 5);

  await assert.rejects(performPaceWithCardAccess(new VirtualPaceChip({ protocols: [], mrzInformation: MRZ.value }), infos, KEY), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
  await assert.rejects(performPaceWithCardAccess(chip, [], KEY), (e) => isEidError(e, 'PACE_UNSUPPORTED'));
});
