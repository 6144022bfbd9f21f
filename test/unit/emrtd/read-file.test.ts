import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { tlv } from '../../../core/bytes/tlv.ts';
import { performBac } from '../../../core/emrtd/bac/bac.ts';
import { FileReader, readFile } from '../../../core/emrtd/read/read-file.ts';
import { EidError, isEidError } from '../../../core/errors.ts';
import { parseCommand } from '../../../core/emrtd/apdu/apdu.ts';
import { vector } from '../../../fixtures/index.ts';
import { MiniCard, type MiniCardOptions } from './mini-card.ts';
import { ScriptedTransport } from './scripted-transport.ts';
import { fixedRandom } from './fixed-random.ts';

const appD = vector('bac_3des_sm_icao9303_p11_appD.json');
const MRZ_INFO: string = appD.mrz.mrz_information;
const EF_COM = fromHex(appD.ef_com_reassembled);

function dataGroup(tag: number, size: number): Uint8Array {
  const body = Uint8Array.from({ length: size }, (_, i) => (i * 7 + 3) & 0xff);
  return tlv(tag, body);
}

const DG2 = dataGroup(0x75, 40_000); // beyond 32767: short reads need odd-INS READ BINARY
const DG3 = dataGroup(0x63, 70_000); // beyond one extended read
const DG1 = dataGroup(0x61, 88);

async function session(options: Partial<MiniCardOptions> = {}) {
  const card = new MiniCard({ mrzInformation: MRZ_INFO, files: new Map([[0x011e, EF_COM], [0x0101, DG1], [0x0102, DG2], [0x0103, DG3]]), ...options });
  const bac = await performBac(card, MRZ_INFO);
  return { card, reader: new FileReader(bac.secureMessaging) };
}

test('App. D.4 replays byte for byte: SELECT EF.COM, read 4 header bytes, read the other 18', async () => {
  const auth = appD.authentication;
  const t = new ScriptedTransport([
    ...appD.apdus.map((a: any) => [a.command, a.response] as const),
    ...appD.secure_messaging.map((s: any) => [s.protected_command, s.protected_response] as const),
  ]);
  const bac = await performBac(t, MRZ_INFO, { random: fixedRandom(auth.rnd_ifd, auth.k_ifd) });
  const reader = new FileReader(bac.secureMessaging, { headerReadLength: 4 });
  assert.equal(toHex(await reader.readFile(0x011e)), appD.ef_com_reassembled);
  assert.deepEqual(reader.stats, { apdus: 3, bytesRead: 22, chunks: 2, truncatedFiles: 0 });
  t.done();
});

test('reads a small file whole, counting APDUs and bytes', async () => {
  const { reader } = await session();
  assert.equal(toHex(await reader.readFile(0x011e)), appD.ef_com_reassembled);
  assert.equal(toHex(await reader.readFile(0x0101)), toHex(DG1));
  assert.equal(reader.stats.bytesRead, EF_COM.length + DG1.length);
  assert.equal(reader.stats.apdus, 2 + 2 + 2, 'SELECT + header + one read per file');
});

test('large file with extended length: few APDUs, odd INS beyond 32767 bytes', async () => {
  const { card, reader } = await session({ extended: true });
  const progress: number[] = [];
  const data = await reader.readFile(0x0103, (n, total) => { progress.push(n); assert.equal(total, DG3.length); });
  assert.equal(toHex(data), toHex(DG3));
  assert.equal(progress.at(-1), DG3.length);
  assert.ok(reader.stats.apdus <= 4, `used ${reader.stats.apdus} APDUs`);
  assert.ok(card.log.some((c) => c.ins === 0xb1 && c.data[0] === 0x54));
});

test('extended length refused: falls back to short reads and remembers it', async () => {
  const { card, reader } = await session({ extended: false });
  assert.equal(toHex(await reader.readFile(0x0102)), toHex(DG2));
  const longReads = card.log.filter((c) => c.ins === 0xb0 || c.ins === 0xb1);
  assert.ok(longReads.filter((c) => (c.ne ?? 0) > 256).length <= 1, 'extended tried at most once');
  const before = card.log.length;
  await reader.readFile(0x0101);
  assert.ok(card.log.slice(before).every((c) => (c.ne ?? 0) <= 256));
});

test('transport that declares no extended length never gets an extended APDU', async () => {
  const { card, reader } = await session({ capabilities: { extendedLength: false } });
  await reader.readFile(0x0102);
  assert.ok(card.log.every((c) => !c.extended));
});

for (const how of ['wrongLength', 'correctLe', 'short'] as const) {
  test(`chip limited to 100 bytes per read (${how}): adapts and reads correctly`, async () => {
    const { reader } = await session({ extended: false, maxNe: 100, tooLargeAnswer: how });
    assert.equal(toHex(await reader.readFile(0x0102)), toHex(DG2));
    assert.ok(reader.stats.chunks < 450);
  });
}

test('typed errors: file not found, access without secure messaging, card removed', async () => {
  const { card, reader } = await session();
  await assert.rejects(reader.readFile(0x0104), (e) => isEidError(e, 'FILE_NOT_FOUND'));
  const plainCard = new MiniCard({ mrzInformation: MRZ_INFO, files: new Map([[0x0101, DG1]]) });
  await assert.rejects(readFile(plainCard, 0x0101), (e) => isEidError(e, 'SECURITY_STATUS_NOT_SATISFIED'));
  let calls = 0;
  const removing = { transmit: (c: Uint8Array) => { if (++calls === 4) card.removed = true; return card.transmit(c); } };
  const bac = await performBac(removing, MRZ_INFO);
  await assert.rejects(new FileReader(bac.secureMessaging, { initialShortLe: 64 }).readFile(0x0102), (e) => isEidError(e, 'CARD_REMOVED'));
});

test('hostile chips: oversized header, refusal of every length, endless tiny answers', async () => {
  const huge = fromHex('75 84 7FFFFFFF 00000000');
  const plain = (files: Map<number, Uint8Array>, extra: Partial<MiniCardOptions> = {}) => new MiniCard({ mrzInformation: MRZ_INFO, files, requireSm: false, ...extra });
  await assert.rejects(readFile(plain(new Map([[1, huge]])), 1), (e) => isEidError(e, 'FILE_TOO_LARGE'));
  const refusing = new ScriptedTransport([['00A4020C020001', '9000'], ...Array.from({ length: 1 }, () => ['00B0000008', '6700'] as const), ['00B0000008', '6700']]);
  await assert.rejects(new FileReader(refusing, { floorLe: 32 }).readFile(1), (e) => isEidError(e, 'READ_LENGTH_REFUSED'));
  await assert.rejects(new FileReader(plain(new Map([[1, DG2]]), { maxNe: 1, tooLargeAnswer: 'short' }), { maxChunks: 50 }).readFile(1), (e) => isEidError(e, 'READ_TOO_MANY_CHUNKS'));
  const empty = new ScriptedTransport([['00A4020C020001', '9000'], ['00B0000008', '9000']]);
  await assert.rejects(new FileReader(empty).readFile(1), (e) => isEidError(e, 'READ_LENGTH_REFUSED'));
});

test('reading by short file identifier saves the SELECT', async () => {
  const { card, reader } = await session();
  assert.equal(toHex(await reader.readFileBySfi(0x1e)), appD.ef_com_reassembled);
  assert.equal(reader.stats.apdus, 2);
  assert.equal(card.log[card.log.length - 2]!.p1, 0x9e);
  assert.equal(toHex(await reader.readFileBySfi(0x02)), toHex(DG2));
  await assert.rejects(reader.readFileBySfi(0x05), (e) => isEidError(e, 'FILE_NOT_FOUND'));
  await assert.rejects(reader.readFileBySfi(31), RangeError);
});

test('a file shorter than its header is returned as read and counted (its hash then fails)', async () => {
  const full = dataGroup(0x77, 1000);
  const cut = full.subarray(0, 500);
  const card = new MiniCard({ mrzInformation: MRZ_INFO, files: new Map([[0x011d, cut], [0x0102, DG2]]), requireSm: false, capabilities: { extendedLength: false } });
  const reader = new FileReader(card);
  assert.equal(toHex(await reader.readFile(0x011d)), toHex(cut));
  assert.equal(reader.stats.truncatedFiles, 1);
  const before = card.log.length;
  assert.equal(toHex(await reader.readFile(0x0102)), toHex(DG2));
  assert.equal(card.log[before + 2]!.ne, 223, 'the end of a file taught nothing about read sizes');
  // Chips that answer 6B00 past the end instead of 6282:
  // (one byte asked again tells a cut file from a refused Le)
  const sixB = new ScriptedTransport([['00A4020C02011D', '9000'], ['00B0000008', '7782020000000000' + '9000'], ['00B00008DF', '6B00'], ['00B0000801', '6B00']], { extendedLength: false });
  const r = new FileReader(sixB);
  assert.equal(toHex(await r.readFile(0x011d)), '7782020000000000');
  assert.equal(r.stats.truncatedFiles, 1);
  // but 6B00 on the very first read is an error
  const first = new ScriptedTransport([['00A4020C02011D', '9000'], ['00B0000008', '6B00']]);
  await assert.rejects(new FileReader(first).readFile(0x011d), (e) => isEidError(e, 'CHIP_ERROR'));
});

test('6B00 inside the file its header describes is a refused Le when one byte still reads (RU passports)', async () => {
  const file = '7782010C' + '11'.repeat(0x10c);
  const header = file.slice(0, 16);
  const script: [string, string][] = [
    ['00A4020C02011D', '9000'], ['00B0000008', header + '9000'],
    ['00B00008DF', '6B00'], ['00B0000801', file.slice(16, 18) + '9000'],
    ['00B00009C0', file.slice(18, 18 + 0xc0 * 2) + '9000'], ['00B000C947', file.slice(18 + 0xc0 * 2) + '9000'],
  ];
  const reader = new FileReader(new ScriptedTransport(script, { extendedLength: false }));
  assert.equal(toHex(await reader.readFile(0x011d)), file);
  assert.equal(reader.stats.truncatedFiles, 0);
});

test('a reader that cannot pass extended APDUs (native EXTENDED_LENGTH_UNSUPPORTED) keeps the SM session', async () => {
  const card = new MiniCard({ mrzInformation: MRZ_INFO, files: new Map([[0x0102, DG2]]) });
  let refusedOnce = 0;
  const reader = {
    transmit: async (raw: Uint8Array) => {
      if (parseCommandSafe(raw)) {
        refusedOnce++;
        throw new EidError('EXTENDED_LENGTH_UNSUPPORTED');
      }
      return card.transmit(raw);
    },
  };
  const bac = await performBac(reader, MRZ_INFO);
  const r = new FileReader(bac.secureMessaging);
  assert.equal(toHex(await r.readFile(0x0102)), toHex(DG2));
  assert.equal(refusedOnce, 1, 'probed once, then short APDUs only');
});

function parseCommandSafe(raw: Uint8Array): boolean {
  try {
    return parseCommand(raw).extended;
  } catch {
    return false;
  }
}
