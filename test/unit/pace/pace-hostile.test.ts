import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import type { ErrorCode } from '../../../core/messages/catalogue.ts';
import { encodeResponse, parseCommand, parseResponse } from '../../../core/emrtd/apdu/apdu.ts';
import type { Transport } from '../../../core/emrtd/apdu/transport.ts';
import { paceOid } from '../../../core/emrtd/pace/pace-algorithm.ts';
import { performPace } from '../../../core/emrtd/pace/pace-terminal.ts';
import { PaceCard } from '../../../core/chip/pace-card.ts';
import { mrzInformation, type AccessKey } from '../../../core/mrz/index.ts';
import { VirtualPaceChip } from './virtual-pace-chip.ts';

const MRZ = mrzInformation('C11T002JM', '960812', '231031');
const KEY: AccessKey = { kind: 'MRZ', mrz: MRZ };
const GM = paceOid('ECDH', 'GM', 'AES', 128);
const DH_GM = paceOid('DH', 'GM', 'AES', 128);

/** A genuine card whose answer number `index` (0 = MSE) is replaced by `tamper(original)`. */
function tampered(oid: string, parameterId: number, index: number, tamper: (response: Uint8Array) => Uint8Array): Transport {
  const chip = new VirtualPaceChip({ protocols: [{ oid, parameterId }], mrzInformation: MRZ.value });
  let n = 0;
  return { transmit: async (cmd) => (n++ === index ? tamper(await chip.transmit(cmd)) : chip.transmit(cmd)) };
}

const answer = (hex: string) => () => fromHex(hex);
const code = (c: ErrorCode) => (e: unknown) => isEidError(e, c);

test('malformed or hostile chip answers end in typed errors, never a crash', async () => {
  const cases: [string, number, (r: Uint8Array) => Uint8Array, ErrorCode][] = [
    ['MSE refused', 0, answer('6A80'), 'PACE_UNSUPPORTED'],
    ['MSE: key blocked', 0, answer('6983'), 'ACCESS_DENIED'],
    ['nonce: not a 7C template', 1, answer('8012' + '00'.repeat(18) + '9000'), 'PACE_FAILED'],
    ['nonce: truncated TLV', 1, answer('7C1280109000'), 'PACE_FAILED'],
    ['nonce: missing 80', 1, answer('7C0281009000'), 'PACE_FAILED'],
    ['nonce: 5 bytes', 1, answer('7C0780050102030405' + '9000'), 'PACE_FAILED'],
    ['nonce: security status', 1, answer('6982'), 'PACE_FAILED'],
    ['mapping: point off the curve', 2, (r) => flipLastDataByte(r), 'PACE_FAILED'],
    ['mapping: wrong tag', 2, (r) => retag(r, 0x83), 'PACE_FAILED'],
    ['mapping: empty answer', 2, answer('9000'), 'PACE_FAILED'],
    ['key agreement: point off the curve', 3, (r) => flipLastDataByte(r), 'PACE_FAILED'],
    ['key agreement: 7C with trailing garbage', 3, (r) => encodeResponse(new Uint8Array([...parseResponse(r).data, 0x00]), 0x9000), 'PACE_FAILED'],
    ['token: wrong value with 9000', 4, answer('7C0A86080102030405060708' + '9000'), 'ACCESS_DENIED'],
    ['token: retry counter', 4, answer('63C2'), 'ACCESS_DENIED'],
    ['token: missing', 4, answer('7C009000'), 'PACE_FAILED'],
  ];
  for (const [name, index, tamper, expected] of cases) {
    await assert.rejects(performPace(tampered(GM, 13, index, tamper), { oid: GM, parameterId: 13 }, KEY), code(expected), name);
  }
  // DH: a public value outside the subgroup, and the value 1.
  await assert.rejects(performPace(tampered(DH_GM, 0, 2, answer('7C038201029000')), { oid: DH_GM, parameterId: 0 }, KEY), code('PACE_FAILED'));
  await assert.rejects(performPace(tampered(DH_GM, 0, 3, answer('7C038401019000')), { oid: DH_GM, parameterId: 0 }, KEY), code('PACE_FAILED'));
});

test('a chip that echoes the terminal key is refused', async () => {
  const chip = new VirtualPaceChip({ protocols: [{ oid: GM, parameterId: 13 }], mrzInformation: MRZ.value });
  const echo: Transport = {
    async transmit(cmd) {
      const response = await chip.transmit(cmd);
      const parsed = parseCommand(cmd);
      // Answer key agreement with the terminal's own ephemeral key (83 -> 84).
      if (parsed.data[2] === 0x83) return encodeResponse(Uint8Array.of(...parsed.data.subarray(0, 2), 0x84, ...parsed.data.subarray(3)), 0x9000);
      return response;
    },
  };
  await assert.rejects(performPace(echo, { oid: GM, parameterId: 13 }, KEY), (e) => isEidError(e, 'PACE_FAILED') && /terminal key/.test(e.message));
});

test('the card answers out-of-order, malformed and foreign commands with status words', () => {
  const card = new PaceCard({ protocols: [{ oid: GM, parameterId: 13 }], mrzInformation: MRZ.value });
  const sw = (hex: string) => card.answer(parseCommand(fromHex(hex))).sw;
  assert.equal(sw('10860000027C0000'), 0x6985, 'GA before MSE');
  assert.equal(sw('0022C1A40F800A04007F00070202040202830101'), 0x9000);
  assert.equal(sw('00860000027C0000'), 0x6985, 'unchained first step');
  assert.equal(sw('0022C1A40F800A04007F00070202040202830101'), 0x9000);
  assert.equal(sw('10860000027C0100'), 0x6a80, 'truncated 7C');
  assert.equal(sw('0022C1A40F800A04007F00070202040202830101'), 0x9000);
  assert.equal(sw('10860000027C0000'), 0x9000);
  assert.equal(sw('10860000057C03810101'), 0x6a80, 'one-byte mapping key');
  assert.equal(sw('10860000027C0000'), 0x6985, 'session forgotten after a bad step');
  assert.equal(sw('0022C1A40F800A04007F00070202040202830102'), 0x6a88, 'no CAN on this card');
  assert.equal(sw('0022C1A40F800A04007F00070202040402830101'), 0x6a80, 'IM not offered');
  assert.equal(sw('0022C1A4038001FF'), 0x6a80, 'garbage OID and no password reference');
  assert.equal(sw('0022C1A4'), 0x6a80, 'no data');
  // Random bytes never throw.
  let x = 1;
  for (let i = 0; i < 300; i++) {
    const len = 4 + (i % 40);
    const bytes = Uint8Array.from({ length: len }, () => (x = (x * 75 + 74) % 65537) & 0xff);
    bytes[0] = i % 2 === 0 ? 0x10 : 0x00;
    bytes[1] = i % 3 === 0 ? 0x22 : 0x86;
    let cmd;
    try {
      cmd = parseCommand(bytes);
    } catch {
      continue;
    }
    const result = card.answer(cmd);
    assert.ok(result.sw > 0);
  }
});

function flipLastDataByte(raw: Uint8Array): Uint8Array {
  const out = raw.slice();
  out[out.length - 3] = out[out.length - 3]! ^ 0x01;
  return out;
}

function retag(raw: Uint8Array, tag: number): Uint8Array {
  const out = raw.slice();
  out[2] = tag; // 7C 43 82 ... -> 7C 43 <tag> ...
  return out;
}

test('a mapping key that drives G~ to infinity is a PACE failure', async () => {
  const { scriptedRandom } = await import('./helpers.ts');
  const { vector } = await import('../../../fixtures/index.ts');
  const { curveByName, encodePoint } = await import('../../../core/crypto/ec/index.ts');
  const { modInverse } = await import('../../../core/crypto/dh.ts');
  const { toHex } = await import('../../../core/bytes/hex.ts');
  const v = vector('pace_ecdh_gm_brainpoolp256r1_icao9303_p11_appG1.json');
  const curve = curveByName('brainpoolP256r1');
  const n = curve.params.n;
  const s = BigInt('0x' + v.nonce.decrypted_s);
  const x = BigInt('0x' + v.mapping.terminal_private);
  // PK = -(s / x)·G, so that H = x·PK = -s·G and G~ = s·G + H = infinity.
  const evil = curve.Point.BASE.multiply((n - ((s * modInverse(x, n)) % n)) % n);
  const answers = [v.apdus[0].response, v.apdus[1].response, `7C43824104${toHex(encodePoint(curve, evil)).slice(2)}9000`];
  const transport: Transport = { transmit: async () => fromHex(answers.shift() ?? '6F00') };
  const key: AccessKey = { kind: 'MRZ', mrz: mrzInformation(v.password.document_number, v.password.date_of_birth, v.password.date_of_expiry) };
  await assert.rejects(
    performPace(transport, { oid: GM, parameterId: 13 }, key, { random: scriptedRandom(v.mapping.terminal_private, v.key_agreement.terminal_private) }),
    (e) => isEidError(e, 'PACE_FAILED') && /generic mapping/.test(e.message),
  );
});
