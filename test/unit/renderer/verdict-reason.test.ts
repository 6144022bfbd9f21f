/**
 * The banner says which check decided and what the clerk does now, in words that differ for a
 * cloned chip, altered data, a forged signature, a revoked or unknown signer, a document that is
 * only expired (genuine: not "origin not proven") and data that contradicts itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Checks, Verdict } from '../../../core/api/verification.ts';
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
const reason = (verdict: Verdict, change: Partial<Checks>) => verdictReason({ verdict, checks: { ...GOOD, ...change } });

test('each way of failing has its own reason, the check that decided, and its action', () => {
  const cases: [Verdict, Partial<Checks>, string, string][] = [
    ['FAILED', { chipAuthentication: { status: 'FAIL', method: 'CA', reason: null } }, 'reason.clonedChip', 'chipAuthentication'],
    ['FAILED', { dataGroupHashes: { status: 'FAIL', failed: [2], reason: null } }, 'reason.alteredPhoto', 'dataGroupHashes'],
    ['FAILED', { dataGroupHashes: { status: 'FAIL', failed: [13], reason: null } }, 'reason.alteredData', 'dataGroupHashes'],
    ['FAILED', { sodSignature: { status: 'FAIL', reason: null } }, 'reason.forgedSignature', 'sodSignature'],
    ['FAILED', { certificateChain: { status: 'FAIL', csca: null, reason: null } }, 'reason.forgedSignature', 'certificateChain'],
    ['FAILED', { revocation: { status: 'REVOKED', reason: null } }, 'reason.revokedSigner', 'revocation'],
    ['FAILED', { consistency: { status: 'FAIL', reason: null } }, 'reason.mismatch', 'consistency'],
    ['NOT_VERIFIED', { certificateChain: { status: 'UNKNOWN_CSCA', csca: null, reason: null } }, 'reason.unknownSigner', 'certificateChain'],
    ['NOT_VERIFIED', { documentExpiry: { status: 'EXPIRED', reason: null } }, 'reason.expired', 'documentExpiry'],
    ['VERIFIED', {}, 'verdict.VERIFIED.reason', ''],
  ];
  const seen = new Set<string>();
  for (const [verdict, change, key, check] of cases) {
    const r = reason(verdict, change);
    assert.equal(r.reason, key, JSON.stringify(change));
    assert.equal(r.decidedBy ?? '', check, key);
    assert.match(r.action, /^action\./);
    seen.add(r.action);
  }
  assert.equal(seen.size, 5, 'refuse, refuse as withdrawn, check another way, ask for a valid one, compare the photo');
});

test('expired but genuine is not "origin not proven"; an unknown signer is, with an action only a supervisor takes', () => {
  const expired = reason('NOT_VERIFIED', { documentExpiry: { status: 'EXPIRED', reason: null } });
  const unknown = reason('NOT_VERIFIED', { certificateChain: { status: 'UNKNOWN_CSCA', csca: null, reason: null } });
  assert.notEqual(expired.reason, unknown.reason);
  assert.equal(expired.supervisorAction, null);
  assert.equal(unknown.supervisorAction, 'action.importCsca');
});

test('the strongest evidence decides: a cloned chip with an unknown signer is a cloned chip', () => {
  const r = reason('FAILED', { chipAuthentication: { status: 'FAIL', method: 'CA', reason: null }, certificateChain: { status: 'UNKNOWN_CSCA', csca: null, reason: null }, documentExpiry: { status: 'EXPIRED', reason: null } });
  assert.equal(r.reason, 'reason.clonedChip');
});

test('a verdict no single check explains gets the verdict\'s own words', () => {
  assert.equal(reason('NOT_VERIFIED', { chipAuthentication: { status: 'SKIPPED', method: null, reason: null } }).reason, 'verdict.NOT_VERIFIED.reason');
  assert.equal(reason('FAILED', { accessControl: { status: 'FAIL', protocol: null, reason: null } }).reason, 'verdict.FAILED.reason');
});
