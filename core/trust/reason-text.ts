/**
 * What a check's reason (core/api/verification.ts) says to a clerk, in both languages: the CLI's
 * readable result prints it, trust-file messages reuse it. Parameters are technical facts only.
 */
import { localized, type LocalizedText } from '../api/localized-text.ts';
import type { CheckReason, CheckReasonCode } from '../api/verification.ts';

type Params = CheckReason['params'];

const list = (value: Params[string] | undefined, prefix = ''): string =>
  Array.isArray(value) ? value.map((v) => `${prefix}${v}`).join(', ') : String(value ?? '');

const groups = (p: Params): string => list(p.dataGroups, 'DG');

const TEXTS: Readonly<Record<CheckReasonCode, (p: Params) => LocalizedText>> = {
  DG_HASH_MISMATCH: (p) => localized(`${groups(p)} does not match the hash signed in the SOD`, `${groups(p)} không khớp với mã băm đã ký trong SOD`),
  DG_NOT_IN_SOD: (p) => localized(`${groups(p)} is not listed in the SOD`, `${groups(p)} không có trong danh sách của SOD`),
  NO_DG_HASHES: () => localized('the SOD holds no data group hashes', 'SOD không chứa mã băm của nhóm dữ liệu nào'),
  NO_DATA_GROUP: () => localized('no data group to check', 'không có nhóm dữ liệu nào để kiểm tra'),
  SIGNATURE_INVALID: () => localized('the signature does not verify with the document signer certificate', 'chữ ký không khớp với chứng thư ký giấy tờ'),
  SIGNED_ATTRIBUTES_MISMATCH: (p) => localized(`the signed ${list(p.attribute)} does not match the signed content`, `thuộc tính đã ký ${list(p.attribute)} không khớp với nội dung được ký`),
  CARD_SECURITY_INVALID: (p) => localized(`EF.CardSecurity: ${describeReason(nested(p)).en}`, `EF.CardSecurity: ${describeReason(nested(p)).vi}`),
  SOD_MALFORMED: (p) => localized(`the security object is malformed${p.part ? ` (${list(p.part)})` : ''}`, `đối tượng bảo mật bị hỏng cấu trúc${p.part ? ` (${list(p.part)})` : ''}`),
  SIGNER_CERTIFICATE_MISSING: () => localized('the document signer certificate is not in the security object', 'đối tượng bảo mật không chứa chứng thư ký giấy tờ'),
  UNSUPPORTED_ALGORITHM: () => localized('the signature or hash algorithm is not supported', 'thuật toán chữ ký hoặc băm chưa được hỗ trợ'),
  SOD_MISSING: () => localized('the document has no EF.SOD', 'giấy tờ không có EF.SOD'),
  UNKNOWN_CSCA: () => localized('no trusted CSCA certificate for this document signer', 'không có CSCA tin cậy nào cho chứng thư ký giấy tờ này'),
  DS_NOT_VALID_WHEN_SIGNED: (p) => p.basis === 'signingTime'
    ? localized(`the document signer certificate (valid ${p.validFrom} to ${p.validTo}) was not valid when it signed (${p.signedAt})`, `chứng thư ký giấy tờ (hiệu lực ${p.validFrom} đến ${p.validTo}) không còn hiệu lực khi ký (${p.signedAt})`)
    : localized(`the document signer's key usage period (${p.usageFrom} to ${p.usageTo}) lies outside its certificate (valid ${p.validFrom} to ${p.validTo})`, `thời hạn dùng khóa của chứng thư ký giấy tờ (${p.usageFrom} đến ${p.usageTo}) nằm ngoài hiệu lực của chứng thư (${p.validFrom} đến ${p.validTo})`),
  CSCA_NOT_VALID_WHEN_DS_ISSUED: (p) => localized(`the CSCA certificate (valid ${p.validFrom} to ${p.validTo}) was not valid when it issued the document signer (${p.issuedAt})`, `chứng thư CSCA (hiệu lực ${p.validFrom} đến ${p.validTo}) không còn hiệu lực khi cấp chứng thư ký giấy tờ (${p.issuedAt})`),
  CSCA_KEY_USAGE_PERIOD: (p) => localized(`the document signer was issued (${p.issuedAt}) outside the CSCA's key usage period (${p.usageFrom ?? '…'} to ${p.usageTo ?? '…'})`, `chứng thư ký giấy tờ được cấp (${p.issuedAt}) ngoài thời hạn dùng khóa của CSCA (${p.usageFrom ?? '…'} đến ${p.usageTo ?? '…'})`),
  CHAIN_SIGNATURE_INVALID: () => localized('the signature of the certificate does not verify with the CSCA key it names', 'chữ ký của chứng thư không khớp với khóa CSCA mà nó ghi'),
  DS_NOT_FOR_SIGNING: (p) => localized(`the document signer certificate may not sign documents (${list(p.rule)})`, `chứng thư ký giấy tờ không được phép ký giấy tờ (${list(p.rule)})`),
  ISSUER_NOT_CA: () => localized('the issuing certificate is not a CA certificate', 'chứng thư cấp không phải chứng thư CA'),
  REVOKED: () => localized('the document signer certificate is on the CSCA revocation list', 'chứng thư ký giấy tờ nằm trong danh sách thu hồi'),
  NO_CRL: () => localized('no CRL of the issuing CSCA in the trust store', 'chưa có danh sách thu hồi (CRL) của cơ quan cấp gốc'),
  CRL_STALE: () => localized('the CSCA revocation list is out of date', 'danh sách thu hồi của cơ quan cấp gốc đã quá hạn'),
  NOT_CHECKED: () => localized('not checked: the certificate path is not established', 'chưa kiểm tra vì chưa xác lập được chuỗi chứng thư'),
  DG1_MISSING: () => localized('the document data has no DG1 (machine readable zone)', 'dữ liệu giấy tờ thiếu DG1 (vùng MRZ)'),
  DG1_UNREADABLE: () => localized('DG1 (machine readable zone) could not be read', 'không đọc được DG1 (vùng MRZ)'),
  DOCUMENT_EXPIRED: () => localized('the document has expired', 'giấy tờ đã hết hạn'),
  NO_SECOND_SOURCE: () => localized('no second source of holder data to compare with DG1', 'không có nguồn thông tin thứ hai để đối chiếu với DG1'),
  DATA_MISMATCH: (p) => localized(`differs: ${list(p.fields)}`, `không khớp: ${list(p.fields)}`),
  CHIP_NOT_EXAMINED: () => localized('the chip was not examined (offline data)', 'chip chưa được kiểm tra (dữ liệu đọc sẵn)'),
  ACCESS_DENIED: () => localized('the chip could not be opened', 'không mở được chip'),
  CHIP_PROOF_FAILED: () => localized('the chip did not prove it holds the document\'s private key', 'chip không chứng minh được nó giữ khóa bí mật của giấy tờ'),
  NO_CHIP_PROOF: () => localized('the document offers no chip authentication', 'giấy tờ không hỗ trợ xác thực chip'),
};

/** CARD_SECURITY_INVALID wraps the reason EF.CardSecurity failed with. */
function nested(p: Params): CheckReason {
  const { cause, ...params } = p;
  return { code: (cause as CheckReasonCode | undefined) ?? 'SIGNATURE_INVALID', params };
}

export function describeReason(reason: CheckReason): LocalizedText {
  return TEXTS[reason.code](reason.params);
}
