/**
 * The warnings raised while reading a chip (core/session: open, read and prove steps) are
 * catalogue warnings, rendered in English and in Vietnamese.
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
import type { WarningCode } from '../../../core/messages/catalogue.ts';
import type { Warning } from '../../../core/messages/message.ts';
import { render } from '../../../core/messages/render.ts';

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
  for (const w of out.result.warnings) {
    const [en, vi] = [render('en', w), render('vi', w)];
    assert.notEqual(vi, en, `untranslated "${en}"`);
    assert.match(vi, VIETNAMESE, `"${vi}" is not Vietnamese`);
  }
}

function find(out: VerificationOutcome, code: WarningCode): Warning {
  const w = out.result.warnings.find((x) => x.code === code);
  assert.ok(w, `no ${code} in ${JSON.stringify(out.result.warnings)}`);
  return w;
}

test('a chip without Chip or Active Authentication: both warnings in Vietnamese', async () => {
  const out = await read(buildDocument('foreign-td1-id'));
  assertBilingual(out);
  assert.match(render('vi', find(out, 'NO_CLONE_PROTECTION')), /không phải bản sao/);
  assert.match(render('vi', find(out, 'NO_CHIP_AUTHENTICATION')), /sao chép/);
});

test('PACE offered but refused: the BAC fallback is reported in Vietnamese', async () => {
  const out = await read(buildDocument('can-cuoc-2024'), { accessProtocols: 'BAC' });
  assertBilingual(out);
  const fallback = find(out, 'PACE_FALLBACK_TO_BAC');
  assert.match(render('vi', fallback), /^Chip có hỗ trợ PACE .*BAC\.$/);
  assert.match(String(fallback.params.detail), /^[A-Z_]+$/, 'the error code that stopped PACE is kept as the detail');
});

test('a data group the chip will not give is reported in Vietnamese with its name and code', async () => {
  const doc = buildDocument('icao-td3-passport');
  // Refuse each READ BINARY in turn until one hits a data group that is reported, not thrown.
  let reported: VerificationOutcome | null = null;
  for (let occurrence = 1; occurrence <= 40 && !reported; occurrence++) {
    try {
      const out = await read(doc, { faults: { statusWordAt: { ins: INS_READ_BINARY, occurrence, sw: 0x6982 } } });
      if (out.result.warnings.some((w) => w.code === 'DATA_GROUP_UNREADABLE')) reported = out;
    } catch (e) {
      // COM, DG1 or SOD refused: the read fails with a typed error, not a warning.
      if (!isEidError(e)) throw e;
    }
  }
  assert.ok(reported, 'no refused data group was reported');
  assertBilingual(reported);
  const w = find(reported, 'DATA_GROUP_UNREADABLE');
  assert.match(String(w.params.file), /^DG\d+$/);
  assert.equal(w.params.detail, 'SECURITY_STATUS_NOT_SATISFIED');
  assert.equal(render('vi', w), `Không đọc được ${w.params.file}: chip không cho đọc.`);
});

test('clean reads of every profile warn in both languages', async () => {
  for (const profile of ['cccd-2021', 'can-cuoc-2024', 'icao-td3-passport', 'foreign-td1-id'] as ProfileName[]) {
    const out = await read(buildDocument(profile));
    assert.ok(out.result.warnings.some((w) => w.code === 'DEMO_DOCUMENT'), `${profile}: sample documents always warn (DEMO)`);
    assertBilingual(out);
  }
});
