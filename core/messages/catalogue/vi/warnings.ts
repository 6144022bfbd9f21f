/** Tiếng Việt: các lưu ý kèm kết quả xác thực. */
import type { Translation } from '../../define.ts';
import { MRZ_FIELD_NAMES } from './errors-documents.ts';
import type { warnings as en, Dg13Gap, RevocationGap } from '../en/warnings.ts';

const REVOCATION_GAP_TEXTS: Record<RevocationGap, string> = {
  'no-crl': 'chưa có danh sách thu hồi (CRL) của cơ quan cấp gốc',
  'crl-out-of-date': 'danh sách thu hồi của cơ quan cấp gốc đã quá hạn',
  'no-certificate-path': 'chưa xác lập được chuỗi chứng thư',
  'no-document-signer': 'không có chứng thư ký giấy tờ',
};

export const DG13_GAP_TEXTS: Record<Dg13Gap, string> = {
  unreadable: 'Thẻ có DG13 nhưng không đọc được, nên chưa đối chiếu thông tin nhân thân với DG1.',
  empty: 'Thẻ có DG13 nhưng không chứa trường thông tin nhân thân nào, nên chưa đối chiếu được với DG1.',
  'nothing-comparable': 'DG13 không có trường nào để đối chiếu với DG1 (số định danh, ngày sinh, họ tên).',
};

export const warnings = {
  NO_SECURITY_OBJECT: 'Không có đối tượng bảo mật (EF.SOD): không chứng minh được dữ liệu là thật.',
  CHIP_NOT_EXAMINED: 'Chip chưa được kiểm tra (chỉ kiểm tra dữ liệu đã đọc sẵn): chưa kiểm tra việc mở chip và xác thực chip, nên không loại trừ được khả năng chip bị sao chép.',
  FILES_MISSING: (p) => `Dữ liệu giấy tờ thiếu các tệp: ${p.files}. Phần có sẵn đã được kiểm tra; thiếu DG1 nên không kiểm tra được hạn sử dụng và thông tin chủ giấy tờ.`,
  ID_DATA_CONTENT_TYPE: 'SOD ghi kiểu nội dung là id-data thay vì đối tượng bảo mật LDS của ICAO; nội dung vẫn được đọc như vậy và mã băm đã được kiểm tra.',
  SIGNER_ID_MISMATCH: (p) => `SOD ghi người ký là ${p.named}, không khớp chứng thư nào; chứng thư duy nhất trong SOD (${p.carried}) được dùng vì chữ ký khớp với nó.`,
  CERTIFICATE_EXPIRED_SINCE_SIGNING: 'Chứng thư ký giấy tờ hoặc chứng thư CSCA đã hết hạn sau khi ký giấy tờ này. Điều đó bình thường với giấy tờ cũ, không phải dấu hiệu giả mạo: các chứng thư còn hiệu lực khi được dùng để ký.',
  NO_CHIP_AUTHENTICATION: 'Giấy tờ không hỗ trợ xác thực chip: không loại trừ được khả năng chip bị sao chép.',
  REVOCATION_UNKNOWN: (p) => `Chưa rõ chứng thư ký giấy tờ có bị thu hồi hay không: ${REVOCATION_GAP_TEXTS[p.gap]}.`,
  CSCA_UNKNOWN: 'Chứng thư ký giấy tờ không dẫn về CSCA nào trong danh sách tin cậy; quản trị viên có thể nhập CSCA của nước cấp giấy tờ.',
  DEMO_DOCUMENT: 'Giấy tờ MẪU (DEMO): được ký bằng CSCA mẫu có sẵn trong phần mềm, khoá của CSCA này đã được công khai. Đây là giấy tờ thử nghiệm, không phải giấy tờ tuỳ thân.',
  NO_SECOND_SOURCE: 'Không có nguồn thông tin thứ hai về chủ giấy tờ để đối chiếu với DG1.',
  DOCUMENT_EXPIRED: 'Giấy tờ đã hết hạn.',
  DG1_UNREADABLE: 'Không đọc được DG1 (vùng MRZ): không rõ hạn sử dụng và thông tin chủ giấy tờ.',
  MRZ_CHECK_DIGIT_WRONG: (p) => `Sai chữ số kiểm tra của MRZ trong DG1: ${MRZ_FIELD_NAMES[p.field]}.`,
  DG13_UNREADABLE: 'Không đọc được DG13 (thông tin nhân thân của công dân Việt Nam).',
  DG13_EMPTY: 'Thẻ có DG13 (thông tin nhân thân của công dân Việt Nam) nhưng không có trường thông tin nào.',
  DG13_NOT_COMPARED: (p) => DG13_GAP_TEXTS[p.gap],
  PACE_FALLBACK_TO_BAC: 'Chip có hỗ trợ PACE nhưng không dùng được; chip đã được mở bằng BAC.',
  DATA_GROUP_UNREADABLE: (p) => `Không đọc được ${p.file}: chip không cho đọc.`,
  DG14_UNREADABLE: 'Không đọc được DG14 (khoá xác thực chip).',
  CHIP_AUTHENTICATION_IMPOSSIBLE: 'Không thực hiện được xác thực chip với các khoá chip công bố.',
  ACTIVE_AUTHENTICATION_REFUSED: 'Chip từ chối xác thực chủ động (Active Authentication) dù có công bố khoá cho việc này.',
  ACTIVE_AUTHENTICATION_UNCHECKABLE: 'Không thể kiểm tra xác thực chủ động (Active Authentication).',
  NO_CLONE_PROTECTION: 'Chip không có cách nào chứng minh nó không phải bản sao (không có xác thực chip hay xác thực chủ động).',
  RECORDED_TEXT: (p) => p.text,
} satisfies Translation<typeof en>;
