/**
 * Every chip behaviour in docs/design/reader-quirks.md ("Chips") as a virtual chip quirk, read
 * through the production flow: the terminal must still reach the document's verdict, and say
 * whether it kept the secure channel or had to open the chip again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import type { ChipQuirks } from '../../core/chip/chip-quirks.ts';
import { SW } from '../../core/emrtd/apdu/status-words.ts';
import { VirtualChip } from '../../core/chip/virtual-chip.ts';
import { mrzInformationFromMrz } from '../../core/mrz/index.ts';
import { openChip } from '../../core/emrtd/access/open-chip.ts';
import { FileReader } from '../../core/emrtd/read/read-file.ts';
import { performActiveAuthentication } from '../../core/emrtd/active-auth/active-auth.ts';
import { accessControlRuns, readWithChip, type ChipRead } from './read-with-chip.ts';

const bacCard = buildDocument('cccd-2021', 'without-pace');
const paceCard = buildDocument('icao-td3-passport');

function verified(read: ChipRead): void {
  assert.equal(read.out.result.verdict, 'VERIFIED', JSON.stringify(read.out.result.checks));
}

const selectsMf = (c: Uint8Array): boolean => c[1] === 0xa4 && c[2] === 0x00 && c.length >= 7 && c[5] === 0x3f && c[6] === 0x00;

for (const [who, maxLe, leRefusal] of [
  ['UA (Le ≤ 192, 6700)', 192, { sw: SW.WRONG_LENGTH }],
  ['old passports (Le ≤ 160, 6700)', 160, { sw: SW.WRONG_LENGTH }],
  ['ES (6282 without data)', 128, { sw: SW.END_OF_FILE_BEFORE_LE }],
] as const) {
  test(`Le step-down, session kept: ${who}`, async () => {
    const read = await readWithChip(bacCard, { extendedLength: false, maxLe, quirks: { leRefusal } });
    verified(read);
    assert.equal(accessControlRuns(read), 1);
  });
}

test('Le step-down, session re-established: RU answers 6B00 and drops secure messaging at every refused Le', async () => {
  const read = await readWithChip(bacCard, { extendedLength: false, maxLe: 128, quirks: { leRefusal: { sw: SW.WRONG_P1P2, endsSession: true } } });
  verified(read);
  // 223, 192 and 160 each cost the session once; 128 then reads everything.
  assert.equal(accessControlRuns(read), 4);
});

test('CN: a refused extended READ BINARY comes back as a plain 6700 and the session is kept', async () => {
  const read = await readWithChip(bacCard, { extendedLength: false, quirks: { plainErrorsUnderSm: true } });
  verified(read);
  assert.equal(accessControlRuns(read), 1);
});

test('SI: 6282 with bytes beyond Le at the end of a file; the extra bytes are dropped', async () => {
  verified(await readWithChip(bacCard, { quirks: { oversizedEndOfFile: 5 } }));
  verified(await readWithChip(bacCard, { extendedLength: false, quirks: { oversizedEndOfFile: 40 } }));
});

test('DE: SELECT and MSE carrying an Le are refused; the terminal never sends one, so PACE and CA run', async () => {
  const read = await readWithChip(paceCard, { quirks: { leOnCase1Or3Refused: true } });
  verified(read);
  assert.match(read.out.protocols.accessControl, /^PACE/);
  assert.match(read.out.protocols.chipAuthentication ?? '', /^CA/);
});

for (const selectMf of [undefined, 'ignored', 0x6a82, 0x6d00, 0x6e00, 0x6986, 0x6982, 0x6a81, 0x6a86, 0x6a87] as const) {
  const label = selectMf === undefined ? '9000' : typeof selectMf === 'string' ? '9000 without selecting' : selectMf.toString(16).toUpperCase();
  test(`SELECT MF answered ${label}: not needed, EF.CardAccess is selected by its FID`, async () => {
    const read = await readWithChip(paceCard, { quirks: { ...(selectMf !== undefined && { selectMf }) } });
    verified(read);
    assert.match(read.out.protocols.accessControl, /^PACE/);
    assert.ok(!read.commands.some(selectsMf), 'no SELECT MF sent');
  });
}

for (const [who, before, protocol] of [
  ['MY: EF.CardAccess 6283', { cardAccess: 0x6283 }, /^BAC$/],
  ['EF.CardAccess 6982', { cardAccess: SW.SECURITY_STATUS_NOT_SATISFIED }, /^BAC$/],
  ['the eMRTD application 6982 before access control', { application: SW.SECURITY_STATUS_NOT_SATISFIED }, /^PACE/],
] as const) {
  test(`before access control, ${who} means "not available"`, async () => {
    const read = await readWithChip(paceCard, { quirks: { beforeAccessControl: before } });
    verified(read);
    assert.match(read.out.protocols.accessControl, protocol);
  });
}

test('a chip that refuses the application before access control still opens with BAC and selects it afterwards', async () => {
  const read = await readWithChip(bacCard, { quirks: { beforeAccessControl: { application: SW.SECURITY_STATUS_NOT_SATISFIED } } });
  verified(read);
  assert.equal(read.out.protocols.accessControl, 'BAC');
});

test('61xx: every long answer arrives in pieces fetched with GET RESPONSE', async () => {
  const read = await readWithChip(paceCard, { quirks: { responseChunk: 100 } });
  verified(read);
  assert.ok((read.plain.get(0xc0) ?? 0) > 10, 'GET RESPONSE used');
});

// The CCCD proves its chip with CA, so the production flow never reaches AA: it runs directly on
// the opened chip (RSA-1024, a 128-byte signature).
for (const [who, quirks] of [
  ['AU: a truncated signature unless Le is exactly its length', { activeAuth: { truncatedUnlessExactLe: true } }],
  ['CN: nothing at an extended Le 0000', { activeAuth: { emptyAtExtendedLe: true } }],
  ['the signature in 61xx pieces', { activeAuth: { truncatedUnlessExactLe: true }, responseChunk: 50 }],
] as const satisfies readonly (readonly [string, ChipQuirks])[]) {
  test(`Active Authentication, ${who}: Le from the DG15 key, the signature verifies`, async () => {
    const chip = new VirtualChip(bacCard, { quirks });
    const opened = await openChip({ transmit: async (c) => chip.transmit(c) }, { kind: 'MRZ', mrz: mrzInformationFromMrz(bacCard.access.mrz) });
    const dg15 = await new FileReader(opened.transport).readFile(0x010f);
    assert.equal((await performActiveAuthentication(opened.transport, dg15)).status, 'PASS');
  });
}

for (const paceLeadingZero of ['public-key', 'shared-secret'] as const satisfies readonly ChipQuirks['paceLeadingZero'][]) {
  test(`PACE GM with a leading zero byte in the chip's ${paceLeadingZero}`, async () => {
    const read = await readWithChip(paceCard, { quirks: { paceLeadingZero } });
    verified(read);
    assert.match(read.out.protocols.accessControl, /^PACE-MRZ ECDH-GM/);
  });
}

for (const doc of [bacCard, paceCard]) {
  test(`${doc.profile}: a card reset at any point of the read is survived by opening the chip again`, async () => {
    const clean = await readWithChip(doc);
    const total = clean.commands.length;
    for (const at of [2, Math.floor(total / 3), Math.floor((2 * total) / 3), total - 1, total]) {
      const read = await readWithChip(doc, { faults: { resetBeforeApdu: at } });
      verified(read);
      assert.equal(read.out.protocols.chipAuthentication, clean.out.protocols.chipAuthentication, `reset before APDU ${at}`);
      // During access control it simply starts over; afterwards the chip is opened once more.
      if (at > 2) assert.equal(accessControlRuns(read), accessControlRuns(clean) + 1, `reset before APDU ${at}`);
    }
  });
}
