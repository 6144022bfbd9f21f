/**
 * Why the verdict is what it is, and what the clerk does now, for the banner: the words of the
 * check the verdict names as `decidedBy` (core/trust/verdict.ts decides; this only words it).
 * Expired but otherwise genuine is its own case: the origin was proven. A QR code or typed data
 * that differs from the chip (ENTERED_DATA_MISMATCH) is a second reason of its own, whatever the
 * verdict: the chip may be genuine and still not the person's at the counter.
 */
import type { CheckName, Checks, VerificationResult } from '../../core/api/verification.ts';
import type { UiKey } from '../../core/messages/catalogue.ts';

export interface VerdictReason {
  readonly reason: UiKey;
  readonly action: UiKey;
  /** An administrator's step (Settings), shown to supervisors only. */
  readonly supervisorAction: UiKey | null;
  /** The entered data differs from the chip's: its reason and action, or null. */
  readonly entered: { readonly reason: UiKey; readonly action: UiKey } | null;
}

type Words = { readonly reason: UiKey; readonly action: UiKey; readonly supervisorAction?: UiKey };

/** The words of the deciding check, or undefined when its status has none of its own (the verdict's words then). */
const BY_CHECK: { readonly [K in CheckName]?: (c: Checks) => Words | undefined } = {
  chipAuthentication: (c) => (c.chipAuthentication.status === 'FAIL' ? { reason: 'reason.clonedChip', action: 'action.refuseAskAnother' } : undefined),
  dataGroupHashes: (c) =>
    c.dataGroupHashes.status === 'FAIL' ? { reason: c.dataGroupHashes.failed.includes(2) ? 'reason.alteredPhoto' : 'reason.alteredData', action: 'action.refuseAskAnother' } : undefined,
  sodSignature: (c) => (c.sodSignature.status === 'FAIL' ? { reason: 'reason.forgedSignature', action: 'action.refuseAskAnother' } : undefined),
  certificateChain: (c) =>
    c.certificateChain.status === 'FAIL'
      ? { reason: 'reason.forgedSignature', action: 'action.refuseAskAnother' }
      : c.certificateChain.status === 'UNKNOWN_CSCA'
        ? { reason: 'reason.unknownSigner', action: 'action.checkOtherWay', supervisorAction: 'action.importCsca' }
        : undefined,
  revocation: (c) => (c.revocation.status === 'REVOKED' ? { reason: 'reason.revokedSigner', action: 'action.refuseWithdrawn' } : undefined),
  consistency: (c) => (c.consistency.status === 'FAIL' ? { reason: 'reason.mismatch', action: 'action.refuseAskAnother' } : undefined),
  documentExpiry: (c) => (c.documentExpiry.status === 'EXPIRED' ? { reason: 'reason.expired', action: 'action.askValidDocument' } : undefined),
};

const PLAIN: Record<VerificationResult['verdict'], Words> = {
  VERIFIED: { reason: 'verdict.VERIFIED.reason', action: 'action.comparePhoto' },
  NOT_VERIFIED: { reason: 'verdict.NOT_VERIFIED.reason', action: 'action.checkOtherWay' },
  FAILED: { reason: 'verdict.FAILED.reason', action: 'action.refuseAskAnother' },
};

const ENTERED: Record<'qr' | 'typed', UiKey> = { qr: 'reason.enteredMismatch.qr', typed: 'reason.enteredMismatch.typed' };

function enteredMismatch(warnings: VerificationResult['warnings']): VerdictReason['entered'] {
  const first = warnings.find((w) => w.code === 'ENTERED_DATA_MISMATCH');
  const source = first?.params.source;
  return source === 'qr' || source === 'typed' ? { reason: ENTERED[source], action: 'action.checkPersonAndDocument' } : null;
}

export function verdictReason({ verdict, decidedBy, checks, warnings }: Pick<VerificationResult, 'verdict' | 'decidedBy' | 'checks' | 'warnings'>): VerdictReason {
  const words = (decidedBy && BY_CHECK[decidedBy]?.(checks)) || PLAIN[verdict];
  return { reason: words.reason, action: words.action, supervisorAction: words.supervisorAction ?? null, entered: enteredMismatch(warnings) };
}
