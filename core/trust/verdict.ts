/**
 * Turns the results of passive authentication, the chip checks, expiry and consistency into the
 * `checks`, `verdict` and `decidedBy` of core/api/verification.ts (docs/design/DESIGN.md
 * "Verdicts"). Fail closed: a check that did not run is never a PASS, and a document without SOD
 * or DG1 can never be VERIFIED. Expiry by the verification date never makes a document FAILED.
 */
import type { CheckName, Checks, Verdict } from '../api/verification.ts';
import { reason, type Reason } from '../messages/message.ts';
import { SIGNATURE_FAILURES, type SignatureFailure } from '../messages/catalogue/en/reasons.ts';
import type { ConsistencyResult } from './consistency.ts';
import type { ExpiryStatus } from './document-expiry.ts';
import type { PassiveAuthResult } from './passive-auth.ts';
import type { SignedObjectResult } from './signed-object.ts';

type Unreasoned<T> = { readonly [K in keyof T as K extends 'reason' ? never : K]: T[K] };

/** What the chip itself proved in a live read; the reasons follow from the statuses. */
export interface ChipChecks {
  readonly accessControl: Unreasoned<Checks['accessControl']>;
  readonly chipAuthentication: Unreasoned<Checks['chipAuthentication']>;
}

/** Used for dumps and for any result without a live chip: nothing about the chip was proven. */
export const CHIP_NOT_EXAMINED: ChipChecks = {
  accessControl: { status: 'SKIPPED', protocol: null },
  chipAuthentication: { status: 'SKIPPED', method: null },
};

/** DG1 as the verification found it: read and parsed, absent from the data, or present but not parseable. */
export type HolderData = 'read' | 'missing' | 'unreadable';

export interface VerdictInput {
  /** Undefined when the document has no SOD. */
  readonly passiveAuth: PassiveAuthResult | undefined;
  /** EF.CardSecurity verification, when the file was read. */
  readonly cardSecurity: SignedObjectResult | undefined;
  readonly chip: ChipChecks;
  readonly dg1: HolderData;
  /** From DG1 (and DG13's "no expiry"); undefined when DG1 was not read. */
  readonly expiry: ExpiryStatus | undefined;
  readonly consistency: ConsistencyResult;
}

export interface VerdictOutput {
  readonly verdict: Verdict;
  readonly decidedBy: CheckName | null;
  readonly checks: Checks;
}

/** Evidence of forgery, cloning or tampering, in the order a banner names it. */
const FAILURE_ORDER: readonly CheckName[] = ['sodSignature', 'dataGroupHashes', 'certificateChain', 'revocation', 'chipAuthentication', 'accessControl', 'consistency'];

export function buildVerdict(input: VerdictInput): VerdictOutput {
  const checks: Checks = {
    accessControl: { ...input.chip.accessControl, reason: chipReason(input.chip.accessControl.status, 'CHIP_NOT_OPENED') },
    chipAuthentication: { ...input.chip.chipAuthentication, reason: chipReason(input.chip.chipAuthentication.status, 'CHIP_PROOF_FAILED') },
    ...securityObjectChecks(input.passiveAuth, input.cardSecurity),
    documentExpiry: expiryCheck(input.dg1, input.expiry),
    consistency: consistencyCheck(input.dg1, input.consistency),
  };
  const { verdict, decidedBy } = overallVerdict(checks);
  return { verdict, decidedBy, checks };
}

function chipReason(status: string, failure: 'CHIP_NOT_OPENED' | 'CHIP_PROOF_FAILED'): Reason | null {
  if (status === 'FAIL') return reason(failure);
  if (status === 'NOT_SUPPORTED') return reason('NO_CHIP_PROOF');
  return status === 'SKIPPED' ? reason('OFFLINE_DATA') : null;
}

type SecurityObjectChecks = Pick<Checks, 'dataGroupHashes' | 'sodSignature' | 'certificateChain' | 'revocation'>;

function securityObjectChecks(pa: PassiveAuthResult | undefined, cs: SignedObjectResult | undefined): SecurityObjectChecks {
  const missing = reason('SOD_MISSING');
  const out: SecurityObjectChecks = pa
    ? {
        dataGroupHashes: { status: pa.dataGroupHashes.status, failed: [...pa.dataGroupHashes.failed], reason: pa.dataGroupHashes.reason },
        sodSignature: pa.signature,
        certificateChain: { status: pa.chain.status, csca: pa.chain.status === 'PASS' && pa.chain.csca ? (pa.chain.csca.knownAs ?? pa.chain.csca.certificate.subject.text) : null, reason: pa.chain.reason },
        revocation: pa.revocation,
      }
    : {
        dataGroupHashes: { status: 'SKIPPED', failed: [], reason: missing },
        sodSignature: { status: 'MISSING', reason: missing },
        certificateChain: { status: 'SKIPPED', csca: null, reason: missing },
        revocation: { status: 'UNKNOWN', reason: reason('NOT_CHECKED') },
      };
  // EF.CardSecurity is signed like the SOD: its failures count as the SOD's (the first one found stands).
  if (cs?.signature.status === 'FAIL' && out.sodSignature.status !== 'FAIL') {
    out.sodSignature = { status: 'FAIL', reason: reason('CARD_SECURITY_INVALID', { cause: signatureFailure(cs.signature.reason), ...(cs.signature.reason?.params.detail !== undefined && { detail: String(cs.signature.reason.params.detail) }) }) };
  }
  if (cs?.chain.status === 'FAIL' && out.certificateChain.status !== 'FAIL') out.certificateChain = { status: 'FAIL', csca: null, reason: cs.chain.reason };
  return out;
}

/** The token CARD_SECURITY_INVALID names EF.CardSecurity's signature failure by. */
function signatureFailure(why: Reason | null): SignatureFailure {
  const code = why?.code;
  return SIGNATURE_FAILURES.find((failure) => failure === code) ?? 'SIGNATURE_DOES_NOT_VERIFY';
}

function expiryCheck(dg1: HolderData, expiry: ExpiryStatus | undefined): Checks['documentExpiry'] {
  if (dg1 !== 'read' || !expiry) return { status: 'SKIPPED', reason: reason(dg1 === 'unreadable' ? 'DG1_NOT_PARSED' : 'DG1_MISSING') };
  return { status: expiry, reason: expiry === 'EXPIRED' ? reason('PAST_EXPIRY_DATE') : null };
}

function consistencyCheck(dg1: HolderData, c: ConsistencyResult): Checks['consistency'] {
  if (dg1 !== 'read') return { status: 'SKIPPED', reason: reason(dg1 === 'unreadable' ? 'DG1_NOT_PARSED' : 'DG1_MISSING') };
  if (c.status === 'FAIL') return { status: 'FAIL', reason: reason('DATA_MISMATCH', { fields: c.mismatches.join('; ') }) };
  if (c.status === 'SKIPPED') return { status: 'SKIPPED', reason: c.reason ? reason('DG13_NOT_USABLE', { gap: c.reason }) : reason('NOTHING_TO_COMPARE') };
  return { status: c.status, reason: null };
}

/**
 * FAILED on any FAIL or REVOKED; NOT_VERIFIED when authenticity cannot be established (no SOD, a
 * CSCA the store does not hold, data that could not be hashed, no DG1) or the document has expired;
 * otherwise VERIFIED. `decidedBy` names the check whose status decided it.
 */
function overallVerdict(checks: Checks): { verdict: Verdict; decidedBy: CheckName | null } {
  const failed = FAILURE_ORDER.find((name) => checks[name].status === 'FAIL' || checks[name].status === 'REVOKED');
  if (failed) return { verdict: 'FAILED', decidedBy: failed };
  const unproven: [CheckName, boolean][] = [
    ['sodSignature', checks.sodSignature.status !== 'PASS'],
    ['certificateChain', checks.certificateChain.status !== 'PASS'],
    ['documentExpiry', checks.documentExpiry.status === 'SKIPPED'],
    ['dataGroupHashes', checks.dataGroupHashes.status !== 'PASS'],
    ['documentExpiry', checks.documentExpiry.status === 'EXPIRED'],
  ];
  const open = unproven.find(([, yes]) => yes);
  return open ? { verdict: 'NOT_VERIFIED', decidedBy: open[0] } : { verdict: 'VERIFIED', decidedBy: null };
}
