/**
 * The warnings of a verification result, in both languages, from the checks and what passive
 * authentication noticed on the way (a lapsed certificate, an id-data SOD, a signer found by
 * the fallback, missing files). Warnings explain; they never change the verdict.
 */
import { localized, type LocalizedText } from '../api/localized-text.ts';
import type { Checks } from '../api/verification.ts';
import { isDemoCsca } from './known-cscas.ts';
import type { PassiveAuthResult } from './passive-auth.ts';

export interface WarningInput {
  readonly checks: Checks;
  readonly passiveAuth: PassiveAuthResult | undefined;
  /** Files the verification needed or the SOD lists that the data does not hold, e.g. ['DG1', 'DG2']. */
  readonly missingFiles: readonly string[];
}

export function resultWarnings({ checks, passiveAuth: pa, missingFiles }: WarningInput): LocalizedText[] {
  const warnings: LocalizedText[] = [];
  if (!pa) {
    warnings.push(localized(
      'No security object (EF.SOD): the data cannot be proven authentic.',
      'Không có đối tượng bảo mật (EF.SOD): không chứng minh được dữ liệu là thật.',
    ));
  }
  if (missingFiles.length) {
    const files = missingFiles.join(', ');
    warnings.push(localized(
      `Files missing from the document data: ${files}. What is there was verified; expiry and holder data cannot be checked without DG1.`,
      `Dữ liệu giấy tờ thiếu các tệp: ${files}. Phần có sẵn đã được kiểm tra; thiếu DG1 nên không kiểm tra được hạn sử dụng và thông tin chủ giấy tờ.`,
    ));
  }
  if (checks.accessControl.status === 'SKIPPED' && checks.chipAuthentication.status === 'SKIPPED') {
    warnings.push(localized(
      'The chip was not examined (offline data): access control and chip authentication were not checked, so a copied chip cannot be ruled out.',
      'Chip chưa được kiểm tra (chỉ kiểm tra dữ liệu đã đọc sẵn): chưa kiểm tra việc mở chip và xác thực chip, nên không loại trừ được khả năng chip bị sao chép.',
    ));
  } else if (checks.chipAuthentication.status === 'NOT_SUPPORTED') {
    warnings.push(localized(
      'The document supports no chip authentication: a cloned chip cannot be ruled out.',
      'Giấy tờ không hỗ trợ xác thực chip: không loại trừ được khả năng chip bị sao chép.',
    ));
  }
  if (pa?.idDataContentType) {
    warnings.push(localized(
      'The SOD types its content as id-data instead of the ICAO LDS security object; it was read as one and its hashes were checked.',
      'SOD ghi kiểu nội dung là id-data thay vì đối tượng bảo mật LDS của ICAO; nội dung vẫn được đọc như vậy và mã băm đã được kiểm tra.',
    ));
  }
  if (pa?.signerIdMismatch) {
    const { named, carried } = pa.signerIdMismatch;
    warnings.push(localized(
      `The SOD names its signer as ${named}, which matches no certificate; its only certificate (${carried}) was used because the signature verifies with it.`,
      `SOD ghi người ký là ${named}, không khớp chứng thư nào; chứng thư duy nhất trong SOD (${carried}) được dùng vì chữ ký khớp với nó.`,
    ));
  }
  const chain = checks.certificateChain.status;
  if (checks.revocation.status === 'UNKNOWN' && chain === 'PASS') {
    const stale = checks.revocation.reason?.code === 'CRL_STALE';
    warnings.push(stale
      ? localized('Revocation status unknown: the CSCA revocation list is out of date.', 'Chưa rõ chứng thư ký giấy tờ có bị thu hồi hay không: danh sách thu hồi của cơ quan cấp gốc đã quá hạn.')
      : localized('Revocation status unknown: no CRL of the issuing CSCA in the trust store.', 'Chưa rõ chứng thư ký giấy tờ có bị thu hồi hay không: chưa có danh sách thu hồi (CRL) của cơ quan cấp gốc.'));
  }
  if (pa?.chain.expiredSinceSigning) {
    warnings.push(localized(
      'The document signer or CSCA certificate has expired since it signed this document. That is normal for older documents and no sign of forgery: the certificates were valid when they were used.',
      'Chứng thư ký giấy tờ hoặc chứng thư CSCA đã hết hạn sau khi ký giấy tờ này. Điều đó bình thường với giấy tờ cũ, không phải dấu hiệu giả mạo: các chứng thư còn hiệu lực khi được dùng để ký.',
    ));
  }
  if (chain === 'UNKNOWN_CSCA' && pa) {
    warnings.push(localized(
      'The document signer chains to no CSCA in the trust store: import the issuing country\'s CSCA to verify it.',
      'Chứng thư ký giấy tờ không dẫn về CSCA nào trong danh sách tin cậy: hãy nhập CSCA của nước cấp giấy tờ để xác thực.',
    ));
  }
  const csca = pa?.chain.csca;
  if (chain === 'PASS' && csca && isDemoCsca(csca.certificate.subject.text)) {
    warnings.push(localized(
      'DEMO document: signed under the built-in demo CSCA, whose keys are public. It is a test document, not an identity document.',
      'Giấy tờ MẪU (DEMO): được ký bằng CSCA mẫu có sẵn trong phần mềm, khóa của CSCA này đã được công khai. Đây là giấy tờ thử nghiệm, không phải giấy tờ tùy thân.',
    ));
  }
  if (checks.consistency.reason?.code === 'NO_SECOND_SOURCE') {
    warnings.push(localized('No second source of holder data to compare with DG1.', 'Không có nguồn thông tin thứ hai về chủ giấy tờ để đối chiếu với DG1.'));
  }
  if (checks.documentExpiry.status === 'EXPIRED') warnings.push(localized('The document has expired.', 'Giấy tờ đã hết hạn.'));
  if (checks.documentExpiry.reason?.code === 'DG1_UNREADABLE') {
    warnings.push(localized(
      'DG1 (machine readable zone) could not be read: expiry and holder data are unknown.',
      'Không đọc được DG1 (vùng MRZ): không rõ hạn sử dụng và thông tin chủ giấy tờ.',
    ));
  }
  return warnings;
}
