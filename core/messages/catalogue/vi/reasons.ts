/** Tiếng Việt: lý do của từng bước kiểm tra trong kết quả xác thực. */
import type { Translation } from '../../define.ts';
import type { reasons as en, SignatureFailure } from '../en/reasons.ts';
import { DG13_GAP_TEXTS } from './warnings.ts';

const SIGNATURE_FAILURE_TEXTS: Record<SignatureFailure, string> = {
  SIGNATURE_DOES_NOT_VERIFY: 'chữ ký không khớp với chứng thư ký giấy tờ',
  SIGNED_ATTRIBUTES_MISMATCH: 'các thuộc tính đã ký không khớp với nội dung được ký',
  SOD_MALFORMED: 'đối tượng được ký bị hỏng cấu trúc',
  SIGNER_CERTIFICATE_MISSING: 'đối tượng được ký không chứa chứng thư ký giấy tờ',
  ALGORITHM_NOT_SUPPORTED: 'thuật toán chữ ký hoặc băm chưa được hỗ trợ',
};

export const reasons = {
  DG_HASH_MISMATCH: (p) => `${p.dataGroups}: không khớp với mã băm đã ký trong SOD`,
  DG_NOT_IN_SOD: (p) => `${p.dataGroups}: không có trong danh sách của SOD`,
  NO_DG_HASHES: 'SOD không chứa mã băm của nhóm dữ liệu nào.',
  NO_DATA_GROUP: 'Không có nhóm dữ liệu nào để kiểm tra.',
  SIGNATURE_DOES_NOT_VERIFY: 'Chữ ký không khớp với chứng thư ký giấy tờ.',
  SIGNED_ATTRIBUTES_MISMATCH: (p) => `Thuộc tính đã ký ${p.attribute} không khớp với nội dung được ký.`,
  CARD_SECURITY_INVALID: (p) => `EF.CardSecurity: ${SIGNATURE_FAILURE_TEXTS[p.cause]}.`,
  SOD_MALFORMED: 'Đối tượng bảo mật bị hỏng cấu trúc.',
  SIGNER_CERTIFICATE_MISSING: 'Đối tượng bảo mật không chứa chứng thư ký giấy tờ.',
  ALGORITHM_NOT_SUPPORTED: 'Thuật toán chữ ký hoặc băm chưa được hỗ trợ.',
  SOD_MISSING: 'Giấy tờ không có EF.SOD.',
  UNKNOWN_CSCA: 'Không có chứng thư CSCA tin cậy nào cho chứng thư ký giấy tờ này.',
  DS_NOT_VALID_WHEN_SIGNED: (p) => p.basis === 'signingTime'
    ? `Chứng thư ký giấy tờ (hiệu lực từ ${p.validFrom} đến ${p.validTo}) không có hiệu lực vào lúc ký (${p.from}).`
    : `Thời hạn dùng khoá của chứng thư ký giấy tờ (${p.from} đến ${p.to}) nằm ngoài thời hạn hiệu lực của chứng thư (${p.validFrom} đến ${p.validTo}).`,
  CSCA_NOT_VALID_WHEN_DS_ISSUED: (p) => `Chứng thư CSCA (hiệu lực từ ${p.validFrom} đến ${p.validTo}) không có hiệu lực vào lúc cấp chứng thư ký giấy tờ (${p.issuedAt}).`,
  CSCA_KEY_USAGE_PERIOD: (p) => `Chứng thư ký giấy tờ được cấp (${p.issuedAt}) ngoài thời hạn dùng khoá của CSCA (${p.usageFrom || '…'} đến ${p.usageTo || '…'}).`,
  CHAIN_SIGNATURE_INVALID: 'Chữ ký trên chứng thư không khớp với khoá CSCA mà chứng thư ghi.',
  DS_NOT_FOR_SIGNING: (p) => `Chứng thư ký giấy tờ không được phép ký giấy tờ (${p.rule}).`,
  ISSUER_NOT_CA: 'Chứng thư cấp không phải là chứng thư CA.',
  REVOKED: 'Chứng thư ký giấy tờ nằm trong danh sách thu hồi của CSCA.',
  NO_CRL: 'Chưa có danh sách thu hồi (CRL) của CSCA cấp chứng thư trong danh sách tin cậy.',
  CRL_STALE: 'Danh sách thu hồi của CSCA đã quá hạn.',
  NOT_CHECKED: 'Chưa kiểm tra: chưa xác lập được chuỗi chứng thư.',
  DG1_MISSING: 'Dữ liệu giấy tờ thiếu DG1 (vùng MRZ).',
  DG1_NOT_PARSED: 'Không đọc được DG1 (vùng MRZ).',
  PAST_EXPIRY_DATE: 'Giấy tờ đã hết hạn.',
  NOTHING_TO_COMPARE: 'Không có nguồn thông tin thứ hai về chủ giấy tờ để đối chiếu với DG1.',
  DG13_NOT_USABLE: (p) => DG13_GAP_TEXTS[p.gap],
  DATA_MISMATCH: (p) => `Không khớp: ${p.fields}.`,
  OFFLINE_DATA: 'Chip chưa được kiểm tra (dữ liệu đọc sẵn).',
  CHIP_NOT_OPENED: 'Không mở được chip.',
  CHIP_PROOF_FAILED: 'Chip không chứng minh được nó giữ khoá bí mật của giấy tờ.',
  NO_CHIP_PROOF: 'Giấy tờ không hỗ trợ xác thực chip.',
} satisfies Translation<typeof en>;
