import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { encodeSecurityInfos } from '../../../core/lds/security-infos.ts';
import { canKey, mrzInformation, type AccessKey } from '../../../core/mrz/index.ts';
import { paceOid } from '../../../core/emrtd/pace/pace-algorithm.ts';
import { openChip } from '../../../core/emrtd/access/open-chip.ts';
import { FileReader } from '../../../core/emrtd/read/read-file.ts';
import { isEidError } from '../../../core/errors.ts';
import type { Transport } from '../../../core/emrtd/apdu/transport.ts';
import { MiniCard, type MiniCardOptions } from './mini-card.ts';

const MRZ = mrzInformation('L898902C', '690806', '940623');
const MRZ_KEY: AccessKey = { kind: 'MRZ', mrz: MRZ };
const EF_COM = fromHex('60145F0104303130365F36063034303030305C026175');
const GM_AES128 = paceOid('ECDH', 'GM', 'AES', 128);
const IM_AES256 = paceOid('ECDH', 'IM', 'AES', 256);
const DH_GM_3DES = paceOid('DH', 'GM', '3DES', 128);

function card(protocols: { oid: string; parameterId: number }[] | null, extra: Partial<MiniCardOptions> = {}): MiniCard {
  const files = new Map<number, Uint8Array>([[0x011e, EF_COM]]);
  if (protocols) files.set(0x011c, encodeSecurityInfos(protocols.map((p) => ({ type: 'PACEInfo' as const, version: 2, ...p }))));
  return new MiniCard({
    mrzInformation: MRZ.value, files, publicFiles: [0x011c],
    ...(protocols && { pace: { protocols, mrzInformation: MRZ.value, can: '123456' } }),
    ...extra,
  });
}

async function readsEfCom(opened: { transport: Transport }): Promise<void> {
  assert.equal(toHex(await new FileReader(opened.transport).readFile(0x011e)), toHex(EF_COM));
}

test('no EF.CardAccess: BAC after SELECT of the eMRTD application', async () => {
  const c = card(null);
  const opened = await openChip(c, MRZ_KEY);
  assert.equal(opened.method, 'BAC');
  assert.equal(opened.protocol, 'BAC');
  assert.equal(opened.cardAccess, null);
  assert.equal(opened.paceFallbackReason, undefined);
  await readsEfCom(opened);
  assert.ok(c.log.every((cmd) => !(cmd.ins === 0xa4 && toHex(cmd.data) === '3F00')), 'never SELECT MF');
});

test('PACE offered: the best variant is used, then the application is selected under SM', async () => {
  const c = card([{ oid: DH_GM_3DES, parameterId: 0 }, { oid: GM_AES128, parameterId: 13 }]);
  const opened = await openChip(c, MRZ_KEY);
  assert.equal(opened.method, 'PACE');
  assert.equal(opened.protocol, 'PACE-MRZ ECDH-GM-AES-128 brainpoolP256r1', 'names the password, the variant and the group');
  assert.ok(opened.cardAccess);
  await readsEfCom(opened);
  assert.equal(opened.pace?.algorithm.oid, GM_AES128);
});

test('PACE with the CAN works where BAC cannot', async () => {
  const opened = await openChip(card([{ oid: GM_AES128, parameterId: 12 }]), canKey('123456'));
  assert.equal(opened.method, 'PACE');
  assert.equal(opened.protocol, 'PACE-CAN ECDH-GM-AES-128 P-256');
  await readsEfCom(opened);
  await assert.rejects(openChip(card([{ oid: GM_AES128, parameterId: 12 }]), canKey('654321')), (e) => isEidError(e, 'ACCESS_DENIED'));
  await assert.rejects(openChip(card(null), canKey('123456')), (e) => isEidError(e, 'MRZ_KEY_REQUIRED'));
});

test('PACE refused or unknown: falls back to BAC and says why', async () => {
  // The card advertises a variant its PACE side does not run: MSE:Set AT fails.
  const c = card([{ oid: GM_AES128, parameterId: 13 }], { pace: { protocols: [{ oid: IM_AES256, parameterId: 13 }], mrzInformation: MRZ.value } });
  const opened = await openChip(c, MRZ_KEY);
  assert.equal(opened.method, 'BAC');
  assert.equal(opened.paceFallbackReason, 'PACE_UNSUPPORTED');
  await readsEfCom(opened);
  const unknown = card([{ oid: '0.4.0.127.0.7.2.2.4.9.9', parameterId: 13 }]);
  assert.equal((await openChip(unknown, MRZ_KEY)).paceFallbackReason, 'PACE_UNSUPPORTED');
});

test('EF.CardAccess refused (6982, as on some CCCDs) or malformed: BAC', async () => {
  const refused = card([{ oid: GM_AES128, parameterId: 13 }], { publicFiles: [] });
  assert.equal((await openChip(refused, MRZ_KEY)).method, 'BAC');
  const broken = new MiniCard({ mrzInformation: MRZ.value, files: new Map([[0x011c, fromHex('3103020100')], [0x011e, EF_COM]]), publicFiles: [0x011c] });
  const opened = await openChip(broken, MRZ_KEY);
  assert.equal(opened.method, 'BAC');
  assert.ok(opened.paceFallbackReason);
});

test('wrong MRZ: ACCESS_DENIED after both protocols; card removal propagates', async () => {
  const wrong: AccessKey = { kind: 'MRZ', mrz: mrzInformation('L898902C', '690806', '940624') };
  await assert.rejects(openChip(card([{ oid: GM_AES128, parameterId: 13 }]), wrong), (e) => isEidError(e, 'ACCESS_DENIED'));
  const c = card(null);
  c.removed = true;
  await assert.rejects(openChip(c, MRZ_KEY), (e) => isEidError(e, 'CARD_REMOVED'));
});

test('a card without the eMRTD application is NOT_AN_EMRTD', async () => {
  const c = card(null);
  const other = { transmit: (raw: Uint8Array) => (raw[1] === 0xa4 && raw[2] === 0x04 ? Promise.resolve(fromHex('6A82')) : c.transmit(raw)) };
  await assert.rejects(openChip(other, MRZ_KEY), (e) => isEidError(e, 'NOT_AN_EMRTD'));
});
