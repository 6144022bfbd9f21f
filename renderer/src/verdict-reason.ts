/**
 * Why the verdict is what it is, and what the clerk does now, for the banner: the check that
 * decided, strongest evidence first (a cloned chip outweighs an unknown signer or an expired
 * document). Expired but otherwise genuine is its own case: the origin was proven.
 */
import type { Checks, VerificationResult } from '../../core/api/verification.ts';
import type { UiKey } from '../../core/messages/catalogue.ts';

export interface VerdictReason {
  readonly reason: UiKey;
  readonly action: UiKey;
  /** An administrator's step (Settings), shown to supervisors only. */
  readonly supervisorAction: UiKey | null;
  /** The check that decided, null when the verdict is VERIFIED or no single check explains it. */
  readonly decidedBy: keyof Checks | null;
}

type Rule = { readonly when: (c: Checks) => boolean; readonly decidedBy: keyof Checks; readonly reason: (c: Checks) => UiKey; readonly action: UiKey; readonly supervisorAction?: UiKey };

const RULES: readonly Rule[] = [
  { when: (c) => c.chipAuthentication.status === 'FAIL', decidedBy: 'chipAuthentication', reason: () => 'reason.clonedChip', action: 'action.refuseAskAnother' },
  { when: (c) => c.dataGroupHashes.status === 'FAIL', decidedBy: 'dataGroupHashes', reason: (c) => (c.dataGroupHashes.failed.includes(2) ? 'reason.alteredPhoto' : 'reason.alteredData'), action: 'action.refuseAskAnother' },
  { when: (c) => c.sodSignature.status === 'FAIL', decidedBy: 'sodSignature', reason: () => 'reason.forgedSignature', action: 'action.refuseAskAnother' },
  { when: (c) => c.certificateChain.status === 'FAIL', decidedBy: 'certificateChain', reason: () => 'reason.forgedSignature', action: 'action.refuseAskAnother' },
  { when: (c) => c.revocation.status === 'REVOKED', decidedBy: 'revocation', reason: () => 'reason.revokedSigner', action: 'action.refuseWithdrawn' },
  { when: (c) => c.consistency.status === 'FAIL', decidedBy: 'consistency', reason: () => 'reason.mismatch', action: 'action.refuseAskAnother' },
  { when: (c) => c.certificateChain.status === 'UNKNOWN_CSCA', decidedBy: 'certificateChain', reason: () => 'reason.unknownSigner', action: 'action.checkOtherWay', supervisorAction: 'action.importCsca' },
  { when: (c) => c.documentExpiry.status === 'EXPIRED', decidedBy: 'documentExpiry', reason: () => 'reason.expired', action: 'action.askValidDocument' },
];

const PLAIN: Record<VerificationResult['verdict'], { reason: UiKey; action: UiKey }> = {
  VERIFIED: { reason: 'verdict.VERIFIED.reason', action: 'action.comparePhoto' },
  NOT_VERIFIED: { reason: 'verdict.NOT_VERIFIED.reason', action: 'action.checkOtherWay' },
  FAILED: { reason: 'verdict.FAILED.reason', action: 'action.refuseAskAnother' },
};

export function verdictReason({ verdict, checks }: Pick<VerificationResult, 'verdict' | 'checks'>): VerdictReason {
  const rule = verdict === 'VERIFIED' ? undefined : RULES.find((r) => r.when(checks));
  if (!rule) return { ...PLAIN[verdict], supervisorAction: null, decidedBy: null };
  return { reason: rule.reason(checks), action: rule.action, supervisorAction: rule.supervisorAction ?? null, decidedBy: rule.decidedBy };
}
