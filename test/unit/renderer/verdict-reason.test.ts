/**
 * The banner says which check decided and what the clerk does now, in words that differ for a
 * cloned chip, altered data, a forged signature, a revoked or unknown signer, a document that is
 * only expired (genuine: not "origin not proven") and data that contradicts itself. The check that
 * decided is the verdict's own `decidedBy` (core/trust/verdict.ts), never derived again here; a
 * QR code or typed data that differs from the chip is its own reason and action.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckName, Checks, Verdict } from '../../../core/api/verification.ts';
import { warning } from '../../../core/messages/message.ts';
import { verdictReason } from '../../../renderer/src/verdict-reason.ts';

const GOOD: Checks = {
  accessControl: { status: 'PASS', protocol: 'BAC', reason: null },
  chipAuthentication: { status: 'PASS', method: 'CA', reason: null },
  dataGroupHashes: { status: 'PASS', failed: [], reason: null },
  sodSignature: { status: 'PASS', reason: null },
  certificateChain: { status: 'PASS', csca: 'CN=CSCA', reason: null },
  revocation: { status: 'GOOD', reason: null },
  documentExpiry: { status: 'VALID', reason: null },
  consistency: { status: 'PASS', reason: null },
};
const reason = (verdict: Verdict, decidedBy: CheckName | null, change: Partial<Checks>, warnings = [] as ReturnType<typeof warning>[]) =>
  verdictReason({ verdict, decidedBy, checks: { ...GOOD, ...change }, warnings });

test('each way of failing has its own reason, named by the check that decided, and its action', () => {
  const cases: [Verdict, CheckName | null, Partial<Checks>, string][] = [
    ['FAILED', 'chipAuthentication', { chipAuthentication: { status: 'FAIL', method: 'CA', reason: null } }, 'reason.clonedChip'],
    ['FAILED', 'dataGroupHashes', { dataGroupHashes: { status: 'FAIL', failed: [2], reason: null } }, 'reason.alteredPhoto'],
    ['FAILED', 'dataGroupHashes', { dataGroupHashes: { status: 'FAIL', failed: [13], reason: null } }, 'reason.alteredData'],
    ['FAILED', 'sodSignature', { sodSignature: { status: 'FAIL', reason: null } }, 'reason.forgedSignature'],
    ['FAILED', 'certificateChain', { certificateChain: { status: 'FAIL', csca: null, reason: null } }, 'reason.forgedSignature'],
    ['FAILED', 'revocation', { revocation: { status: 'REVOKED', reason: null } }, 'reason.revokedSigner'],
    ['FAILED', 'consistency', { consistency: { status: 'FAIL', reason: null } }, 'reason.mismatch'],
    ['NOT_VERIFIED', 'certificateChain', { certificateChain: { status: 'UNKNOWN_CSCA', csca: null, reason: null } }, 'reason.unknownSigner'],
    ['NOT_VERIFIED', 'documentExpiry', { documentExpiry: { status: 'EXPIRED', reason: null } }, 'reason.expired'],
    ['VERIFIED', null, {}, 'verdict.VERIFIED.reason'],
  ];
  const seen = new Set<string>();
  for (const [verdict, decidedBy, change, key] of cases) {
    const r = reason(verdict, decidedBy, change);
    assert.equal(r.reason, key, JSON.stringify(change));
    assert.match(r.action, /^action\./);
    seen.add(r.action);
  }
  assert.equal(seen.size, 5, 'refuse, refuse as withdrawn, check another way, ask for a valid one, compare the photo');
});

test('the verdict\'s decidedBy decides, not the order of a list here', () => {
  // Both the chip and the signature failed; the core named the signature: so does the banner.
  const both: Partial<Checks> = { chipAuthentication: { status: 'FAIL', method: 'CA', reason: null }, sodSignature: { status: 'FAIL', reason: null } };
  assert.equal(reason('FAILED', 'sodSignature', both).reason, 'reason.forgedSignature');
  assert.equal(reason('FAILED', 'chipAuthentication', both).reason, 'reason.clonedChip');
});

test('expired but genuine is not "origin not proven"; an unknown signer is, with an action only a supervisor takes', () => {
  const expired = reason('NOT_VERIFIED', 'documentExpiry', { documentExpiry: { status: 'EXPIRED', reason: null } });
  const unknown = reason('NOT_VERIFIED', 'certificateChain', { certificateChain: { status: 'UNKNOWN_CSCA', csca: null, reason: null } });
  assert.notEqual(expired.reason, unknown.reason);
  assert.equal(expired.supervisorAction, null);
  assert.equal(unknown.supervisorAction, 'action.importCsca');
});

test('a verdict no single check explains gets the verdict\'s own words', () => {
  assert.equal(reason('NOT_VERIFIED', 'sodSignature', { sodSignature: { status: 'MISSING', reason: null } }).reason, 'verdict.NOT_VERIFIED.reason');
  assert.equal(reason('FAILED', 'accessControl', { accessControl: { status: 'FAIL', protocol: null, reason: null } }).reason, 'verdict.FAILED.reason');
});

test('a QR code or typed data that differs from the chip is its own reason and action; the verdict stays', () => {
  const qr = [warning('ENTERED_DATA_MISMATCH', { source: 'qr', field: 'name' }), warning('ENTERED_DATA_MISMATCH', { source: 'qr', field: 'sex' })];
  const verified = reason('VERIFIED', null, {}, qr);
  assert.deepEqual(verified.entered, { reason: 'reason.enteredMismatch.qr', action: 'action.checkPersonAndDocument' });
  assert.equal(verified.reason, 'verdict.VERIFIED.reason', 'the chip is still genuine');
  const typed = reason('VERIFIED', null, {}, [warning('ENTERED_DATA_MISMATCH', { source: 'typed', field: 'number' })]);
  assert.equal(typed.entered?.reason, 'reason.enteredMismatch.typed');
  assert.equal(reason('VERIFIED', null, {}).entered, null);
  assert.equal(reason('VERIFIED', null, {}, [warning('DOCUMENT_EXPIRED')]).entered, null, 'other warnings are no mismatch');
});
