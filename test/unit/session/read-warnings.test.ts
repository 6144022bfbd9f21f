/**
 * The warnings raised while reading a chip (core/session: open, read and prove steps) come in
 * English and Vietnamese, and the read outcome keeps `result.warnings` = their English texts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import type { ProfileName, VirtualDocument } from '../../../core/chip/factory/document.ts';
import { VirtualChip, type VirtualChipOptions } from '../../../core/chip/virtual-chip.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { readCard } from '../../../core/session/read-card.ts';
import type { VerificationOutcome } from '../../../core/session/outcome.ts';
import { isEidError } from '../../../core/errors.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
const INS_READ_BINARY = 0xb0;

async function read(doc: VirtualDocument, options: VirtualChipOptions = {}): Promise<VerificationOutcome> {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  const chip = new VirtualChip(doc, options);
  return readCard({ transmit: async (c) => chip.transmit(c) }, { kind: 'mrz', mrz: doc.access.mrz }, { trust: store, now: NOW });
}

function assertBilingual(out: VerificationOutcome): void {
  assert.deepEqual(out.result.warnings, out.localizedWarnings.map((w) => w.en));
  for (const w of out.localizedWarnings) {
    assert.notEqual(w.vi, w.en, `untranslated "${w.en}"`);
    assert.match(w.vi, VIETNAMESE, `"${w.vi}" is not Vietnamese`);
  }
}

function find(out: VerificationOutcome, english: RegExp) {
  const w = out.localizedWarnings.find((x) => english.test(x.en));
  assert.ok(w, `no warning matching ${english} in ${JSON.stringify(out.result.warnings)}`);
  return w;
}

test('a chip without Chip or Active Authentication: both warnings in Vietnamese', async () => {
  const out = await read(buildDocument('foreign-td1-id'));
  assertBilingual(out);
  assert.match(find(out, /offers no way to prove it is not a copy/).vi, /không phải bản sao/);
  assert.match(find(out, /supports no chip authentication/).vi, /sao chép/);
});

test('PACE offered but refused: the BAC fallback is reported in Vietnamese', async () => {
  const out = await read(buildDocument('can-cuoc-2024'), { accessProtocols: 'BAC' });
  assertBilingual(out);
  assert.match(find(out, /PACE was offered but not used/).vi, /^Chip có hỗ trợ PACE .*BAC\.$/);
});

test('a data group the chip will not give is reported in Vietnamese with its name and code', async () => {
  const doc = buildDocument('icao-td3-passport');
  // Refuse each READ BINARY in turn until one hits a data group that is reported, not thrown.
  let reported: VerificationOutcome | null = null;
  for (let occurrence = 1; occurrence <= 40 && !reported; occurrence++) {
    try {
      const out = await read(doc, { faults: { statusWordAt: { ins: INS_READ_BINARY, occurrence, sw: 0x6982 } } });
      if (out.localizedWarnings.some((w) => /could not be read \(/.test(w.en))) reported = out;
    } catch (e) {
      // COM, DG1 or SOD refused: the read fails with a typed error, not a warning.
      if (!isEidError(e)) throw e;
    }
  }
  assert.ok(reported, 'no refused data group was reported');
  assertBilingual(reported);
  const w = find(reported, /^DG\d+ could not be read \(\w+\)\.$/);
  const [, name, code] = /^(DG\d+) could not be read \((\w+)\)\.$/.exec(w.en)!;
  assert.equal(w.vi, `Không đọc được ${name} (${code}).`);
});

test('clean reads of every profile keep result.warnings equal to the English texts', async () => {
  for (const profile of ['cccd-2021', 'can-cuoc-2024', 'icao-td3-passport', 'foreign-td1-id'] as ProfileName[]) {
    const out = await read(buildDocument(profile));
    assert.ok(out.localizedWarnings.length > 0, `${profile}: sample documents always warn (DEMO)`);
    assertBilingual(out);
  }
});
