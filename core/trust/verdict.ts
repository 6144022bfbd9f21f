/**
 * Turns the results of passive authentication, the chip checks, expiry and consistency into the
 * `checks`, `warnings` and `verdict` of core/api/verification.ts. Fail closed: a check that did not
 * run is never a PASS, and a missing SOD can never be VERIFIED.
 */
import { warning, type Warning } from '../messages/message.ts';
import type { Checks, Verdict } from '../api/verification.ts';
import type { ConsistencyResult } from './consistency.ts';
import type { ExpiryStatus } from './document-expiry.ts';
import type { PassiveAuthResult } from './passive-auth.ts';
import type { SignedObjectResult } from './signed-object.ts';
import { isDemoCsca } from './known-cscas.ts';

export interface ChipChecks {
  readonly accessControl: Checks['accessControl'];
  readonly chipAuthentication: Checks['chipAuthentication'];
}

/** Used for dumps and for any result without a live chip: nothing about the chip was proven. */
export const CHIP_NOT_EXAMINED: ChipChecks = {
  accessControl: { status: 'SKIPPED', protocol: null },
  chipAuthentication: { status: 'SKIPPED', method: null },
};

export interface VerdictInput {
  /** Undefined when the document has no SOD. */
  readonly passiveAuth: PassiveAuthResult | undefined;
  /** EF.CardSecurity verification, when the file was read. */
  readonly cardSecurity: SignedObjectResult | undefined;
  readonly chip: ChipChecks;
  readonly expiry: ExpiryStatus;
  readonly consistency: ConsistencyResult;
  /** DG1 could not be parsed: expiry and consistency are unknown, so the document cannot be VERIFIED. */
  readonly holderDataUnreadable?: boolean;
}

export interface VerdictOutput {
  readonly verdict: Verdict;
  readonly checks: Checks;
  /** The result's warnings, in this order. */
  readonly warnings: Warning[];
  /** Why each non-passing check did not pass (English, no personal data). */
  readonly reasons: Partial<Record<keyof Checks, string>>;
}

export function buildVerdict(input: VerdictInput): VerdictOutput {
  const { passiveAuth: pa, cardSecurity: cs, chip } = input;
  const warnings: Warning[] = [];
  const reasons: Partial<Record<keyof Checks, string>> = {};
  let sodStatus: 'PASS' | 'FAIL' = pa?.signature.status ?? 'FAIL';
  if (pa?.signature.reason) reasons.sodSignature = pa.signature.reason;
  let chainStatus = pa?.chain.status ?? 'UNKNOWN_CSCA';
  if (pa?.chain.reason) reasons.certificateChain = pa.chain.reason;
  if (cs && cs.signature.status === 'FAIL') {
    sodStatus = 'FAIL';
    reasons.sodSignature = `EF.CardSecurity: ${cs.signature.reason ?? 'signature does not verify'}`;
  }
  if (cs && cs.chain.status === 'FAIL') {
    chainStatus = 'FAIL';
    reasons.certificateChain = `EF.CardSecurity: ${cs.chain.reason ?? 'certificate path fails'}`;
  }
  if (!pa) {
    reasons.sodSignature = 'the document has no EF.SOD';
    reasons.dataGroupHashes = 'the document has no EF.SOD';
    warnings.push(warning('NO_SECURITY_OBJECT'));
  }
  const csca = pa?.chain.csca;
  const checks: Checks = {
    accessControl: chip.accessControl,
    chipAuthentication: chip.chipAuthentication,
    dataGroupHashes: pa ? { status: pa.dataGroupHashes.status, failed: [...pa.dataGroupHashes.failed] } : { status: 'FAIL', failed: [] },
    sodSignature: { status: sodStatus },
    certificateChain: { status: chainStatus, csca: chainStatus === 'PASS' && csca ? (csca.knownAs ?? csca.certificate.subject.text) : null },
    revocation: { status: pa?.revocation.status ?? 'UNKNOWN' },
    documentExpiry: { status: input.expiry },
    consistency: { status: input.consistency.status },
  };
  if (pa?.dataGroupHashes.reason) reasons.dataGroupHashes = pa.dataGroupHashes.reason;
  if (pa && pa.revocation.status !== 'GOOD') reasons.revocation = pa.revocation.status === 'UNKNOWN' ? pa.revocation.gap : 'on the CSCA revocation list';
  if (input.consistency.mismatches.length) reasons.consistency = `differs: ${input.consistency.mismatches.join('; ')}`;
  else if (input.consistency.reason) reasons.consistency = `DG13 not compared: ${input.consistency.reason}`;

  if (chip.accessControl.status === 'SKIPPED' && chip.chipAuthentication.status === 'SKIPPED') {
    warnings.push(warning('CHIP_NOT_EXAMINED'));
  } else if (chip.chipAuthentication.status === 'NOT_SUPPORTED') {
    warnings.push(warning('NO_CHIP_AUTHENTICATION'));
  }
  if (checks.revocation.status === 'UNKNOWN' && chainStatus === 'PASS') {
    warnings.push(warning('REVOCATION_UNKNOWN', { gap: pa?.revocation.status === 'UNKNOWN' ? pa.revocation.gap : 'no-crl' }));
  }
  if (chainStatus === 'UNKNOWN_CSCA' && pa) {
    warnings.push(warning('CSCA_UNKNOWN'));
  }
  if (chainStatus === 'PASS' && csca && isDemoCsca(csca.certificate.subject.text)) {
    warnings.push(warning('DEMO_DOCUMENT'));
  }
  if (input.consistency.status === 'SKIPPED') {
    warnings.push(input.consistency.reason ? warning('DG13_NOT_COMPARED', { gap: input.consistency.reason }) : warning('NO_SECOND_SOURCE'));
  }
  if (input.expiry === 'EXPIRED') warnings.push(warning('DOCUMENT_EXPIRED'));

  // docs/design/DESIGN.md: a missing SOD means authenticity cannot be established (NOT_VERIFIED), not proven forgery.
  let verdict = overallVerdict(checks);
  if (!pa && verdict === 'FAILED' && !hasOtherFailure(checks)) verdict = 'NOT_VERIFIED';
  if (input.holderDataUnreadable) {
    warnings.push(warning('DG1_UNREADABLE'));
    if (verdict === 'VERIFIED') verdict = 'NOT_VERIFIED';
  }
  return { verdict, checks, warnings, reasons };
}

/** docs/design/DESIGN.md "Verdicts": FAILED on evidence of forgery, NOT_VERIFIED when authenticity is unproven. */
function overallVerdict(checks: Checks): Verdict {
  const values = Object.values(checks).map((c) => c.status as string);
  if (values.includes('FAIL') || checks.revocation.status === 'REVOKED') return 'FAILED';
  if (checks.certificateChain.status === 'UNKNOWN_CSCA' || checks.documentExpiry.status === 'EXPIRED') return 'NOT_VERIFIED';
  return 'VERIFIED';
}

function hasOtherFailure(checks: Checks): boolean {
  const { sodSignature: _s, dataGroupHashes: _d, ...rest } = checks;
  return Object.values(rest).some((c) => c.status === 'FAIL') || checks.revocation.status === 'REVOKED';
}
