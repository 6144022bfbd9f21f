/**
 * Every warning a verification produces is a catalogue warning `{ code, params }`: over every
 * factory document (clean and broken, every profile), with and without CRLs, offline and with
 * live chip results, each one passes the API schema and renders in English and in Vietnamese
 * (not the English text), and the sweep reaches every producer in verdict.ts and verify-document.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { PROFILE_NAMES, PROFILES } from '../../../core/chip/factory/profiles.ts';
import { VARIANT_NAMES, variantAppliesTo } from '../../../core/chip/factory/variants.ts';
import type { VirtualDocument } from '../../../core/chip/factory/document.ts';
import { WarningSchema } from '../../../core/api/messages.ts';
import { warning, type Warning } from '../../../core/messages/message.ts';
import { render } from '../../../core/messages/render.ts';
import { TrustStore } from '../../../core/trust/store.ts';
import { loadTrustBytes } from '../../../core/trust/trust-files.ts';
import { verifyDocumentWithDetails, type DocumentFiles, type VerifyDocumentOptions } from '../../../core/trust/verify-document.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

function trustOf(doc: VirtualDocument, withCrls: boolean): TrustStore {
  const store = new TrustStore();
  for (const c of doc.trust.cscas) loadTrustBytes(store, c, 'factory CSCA', NOW);
  if (withCrls) for (const c of doc.trust.crls) loadTrustBytes(store, c, 'factory CRL', NOW);
  return store;
}

/** Vietnamese text is recognisable by its diacritics (every producer writes full Vietnamese). */
const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

const seen = new Set<string>();

function check(label: string, files: DocumentFiles, store: TrustStore, options: VerifyDocumentOptions): void {
  const { result } = verifyDocumentWithDetails(files, store, options);
  for (const w of result.warnings) {
    WarningSchema.parse(w);
    const en = render('en', w);
    const vi = render('vi', w);
    assert.ok(vi.trim().length > 0, `${label}: empty Vietnamese for "${en}"`);
    assert.notEqual(vi, en, `${label}: untranslated "${en}"`);
    assert.match(vi, VIETNAMESE, `${label}: "${vi}" is not Vietnamese`);
    assert.doesNotMatch(en, VIETNAMESE, `${label}: "${en}" is not English`);
    seen.add(w.code);
  }
}

/** DG1 with the document number's check digit changed (TD1: line 1 position 15; TD3: line 2 position 10). */
function withWrongCheckDigit(doc: VirtualDocument): DocumentFiles {
  const dg1 = Uint8Array.from(doc.files.get('DG1')!);
  const mrzStart = 5; // 61 L 5F1F L, then the MRZ characters
  const at = mrzStart + (PROFILES[doc.profile].format === 'TD3' ? 44 + 9 : 14);
  const digit = dg1[at]! - 0x30;
  assert.ok(digit >= 0 && digit <= 9, 'a check digit');
  dg1[at] = 0x30 + ((digit + 1) % 10);
  return new Map(doc.files).set('DG1', dg1);
}

const LIVE_NO_PROOF: VerifyDocumentOptions['chipChecks'] = {
  accessControl: { status: 'PASS', protocol: 'BAC' },
  chipAuthentication: { status: 'NOT_SUPPORTED', method: null },
};

test('every warning over every factory document has a Vietnamese text that differs from the English', () => {
  let documents = 0;
  for (const profile of PROFILE_NAMES) {
    for (const variant of [null, ...VARIANT_NAMES]) {
      if (variant && !variantAppliesTo(variant, PROFILES[profile])) continue;
      const doc = buildDocument(profile, variant);
      documents++;
      const label = `${profile} ${variant ?? 'clean'}`;
      for (const withCrls of [false, true]) {
        const store = trustOf(doc, withCrls);
        check(`${label} offline${withCrls ? '' : ' without CRL'}`, doc.files, store, { now: NOW });
        check(`${label} live, no chip proof`, doc.files, store, { now: NOW, chipChecks: LIVE_NO_PROOF });
      }
      // The same files without their security object, and with an unreadable DG1.
      const store = trustOf(doc, true);
      const noSod = new Map(doc.files);
      noSod.delete('SOD');
      check(`${label} without SOD`, noSod, store, { now: NOW });
      const badDg1 = new Map(doc.files);
      badDg1.set('DG1', Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00));
      check(`${label} with unreadable DG1`, badDg1, store, { now: NOW });
      check(`${label} with a wrong MRZ check digit`, withWrongCheckDigit(doc), store, { now: NOW });
    }
  }
  assert.ok(documents >= 4 * 8, `only ${documents} documents`);
  // The sweep reaches the producers in verdict.ts and verify-document.ts, not just one or two.
  const reached: Warning['code'][] = [
    'CHIP_NOT_EXAMINED', 'NO_CHIP_AUTHENTICATION', 'REVOCATION_UNKNOWN', 'CSCA_UNKNOWN', 'DEMO_DOCUMENT', 'DOCUMENT_EXPIRED',
    'NO_SECURITY_OBJECT', 'DG1_UNREADABLE', 'DG13_UNREADABLE', 'MRZ_CHECK_DIGIT_WRONG', 'NO_SECOND_SOURCE',
  ];
  for (const code of reached) assert.ok(seen.has(code), `no ${code} warning was produced`);
});

test('chip session warnings passed in by the reader are kept as they are and come last', () => {
  const doc = buildDocument('foreign-td1-id', null);
  const store = trustOf(doc, true);
  const fromChip = warning('DATA_GROUP_UNREADABLE', { file: 'DG11', detail: 'SECURITY_STATUS_NOT_SATISFIED' });
  const without = verifyDocumentWithDetails(doc.files, store, { now: NOW, chipChecks: LIVE_NO_PROOF }).result.warnings;
  const { result } = verifyDocumentWithDetails(doc.files, store, { now: NOW, chipChecks: { ...LIVE_NO_PROOF, warnings: [fromChip] } });
  assert.deepEqual(result.warnings, [...without, fromChip]);
});
