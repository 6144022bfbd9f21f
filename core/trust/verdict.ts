/**
 * Turns the results of passive authentication, the chip checks, expiry and consistency into the
 * `checks`, `warnings` and `verdict` of core/api/verification.ts. Fail closed: a check that did not
 * run is never a PASS, and a missing SOD can never be VERIFIED.
 */
import { localized, type LocalizedText } from '../api/localized-text.ts';
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
  /** In both languages; the result's `warnings` are their English texts, in this order. */
  readonly warnings: LocalizedText[];
  /** Why each non-passing check did not pass (English, no personal data). */
  readonly reasons: Partial<Record<keyof Checks, string>>;
}

export function buildVerdict(input: VerdictInput): VerdictOutput {
  const { passiveAuth: pa, cardSecurity: cs, chip } = input;
  const warnings: LocalizedText[] = [];
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
    warnings.push(localized(
      'No security object (EF.SOD): the data cannot be proven authentic.',
      'Không có đối tượng bảo mật (EF.SOD): không chứng minh được dữ liệu là thật.',
    ));
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
  if (pa && pa.revocation.status !== 'GOOD') reasons.revocation = pa.revocation.reason;
  if (input.consistency.mismatches.length) reasons.consistency = `differs: ${input.consistency.mismatches.join('; ')}`;

  if (chip.accessControl.status === 'SKIPPED' && chip.chipAuthentication.status === 'SKIPPED') {
    warnings.push(localized(
      'The chip was not examined (offline data): access control and chip authentication were not checked, so a copied chip cannot be ruled out.',
      'Chip chưa được kiểm tra (chỉ kiểm tra dữ liệu đã đọc sẵn): chưa kiểm tra việc mở chip và xác thực chip, nên không loại trừ được khả năng chip bị sao chép.',
    ));
  } else if (chip.chipAuthentication.status === 'NOT_SUPPORTED') {
    warnings.push(localized(
      'The document supports no chip authentication: a cloned chip cannot be ruled out.',
      'Giấy tờ không hỗ trợ xác thực chip: không loại trừ được khả năng chip bị sao chép.',
    ));
  }
  if (checks.revocation.status === 'UNKNOWN' && chainStatus === 'PASS') {
    const why = pa?.revocation ?? { reason: 'no CRL', reasonVi: 'chưa có danh sách thu hồi' };
    warnings.push(localized(`Revocation status unknown: ${why.reason}.`, `Chưa rõ chứng thư ký giấy tờ có bị thu hồi hay không: ${why.reasonVi}.`));
  }
  if (chainStatus === 'UNKNOWN_CSCA' && pa) {
    warnings.push(localized(
      'The document signer chains to no CSCA in the trust store: import the issuing country\'s CSCA to verify it.',
      'Chứng thư ký giấy tờ không dẫn về CSCA nào trong danh sách tin cậy: hãy nhập CSCA của nước cấp giấy tờ để xác thực.',
    ));
  }
  if (chainStatus === 'PASS' && csca && isDemoCsca(csca.certificate.subject.text)) {
    warnings.push(localized(
      'DEMO document: signed under the built-in demo CSCA, whose keys are public. It is a test document, not an identity document.',
      'Giấy tờ MẪU (DEMO): được ký bằng CSCA mẫu có sẵn trong phần mềm, khóa của CSCA này đã được công khai. Đây là giấy tờ thử nghiệm, không phải giấy tờ tùy thân.',
    ));
  }
  if (input.consistency.status === 'SKIPPED') {
    warnings.push(localized('No second source of holder data to compare with DG1.', 'Không có nguồn thông tin thứ hai về chủ giấy tờ để đối chiếu với DG1.'));
  }
  if (input.expiry === 'EXPIRED') warnings.push(localized('The document has expired.', 'Giấy tờ đã hết hạn.'));

  // docs/design/DESIGN.md: a missing SOD means authenticity cannot be established (NOT_VERIFIED), not proven forgery.
  let verdict = overallVerdict(checks);
  if (!pa && verdict === 'FAILED' && !hasOtherFailure(checks)) verdict = 'NOT_VERIFIED';
  if (input.holderDataUnreadable) {
    warnings.push(localized(
      'DG1 (machine readable zone) could not be read: expiry and holder data are unknown.',
      'Không đọc được DG1 (vùng MRZ): không rõ hạn sử dụng và thông tin chủ giấy tờ.',
    ));
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
