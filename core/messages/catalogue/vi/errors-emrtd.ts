/** Tiếng Việt: lỗi khi làm việc với chip (lệnh APDU, kênh bảo mật, BAC, PACE, xác thực chip, đọc tệp). */
import type { Translation } from '../../define.ts';
import type { emrtdErrors as en } from '../en/errors-emrtd.ts';

export const emrtdErrors = {
  APDU_MALFORMED: 'Lệnh gửi chip sai định dạng',
  RESPONSE_MALFORMED: 'Chip trả lời không đầy đủ',
  RESPONSE_TOO_LONG: 'Chip gửi quá nhiều dữ liệu',
  FILE_NOT_FOUND: (p) => `${p.command}: giấy tờ không có tệp này (${p.status})`,
  SECURITY_STATUS_NOT_SATISFIED: (p) => `${p.command}: chip từ chối truy cập (${p.status})`,
  SM_REJECTED_BY_CHIP: (p) => `${p.command}: chip từ chối kênh bảo mật (${p.status}); hãy đặt lại thẻ`,
  WRONG_LENGTH: (p) => `${p.command}: chip không chấp nhận độ dài (${p.status})`,
  NOT_SUPPORTED_BY_CHIP: (p) => `${p.command}: chip không hỗ trợ thao tác này (${p.status})`,
  CHIP_ERROR: (p) => `${p.command}: chip trả về lỗi (${p.status})`,
  SM_SESSION_LOST: 'Mất kênh bảo mật với chip; hãy đặt lại thẻ',
  SM_RESPONSE_INVALID: 'Phản hồi bảo mật của chip không hợp lệ; hãy đặt lại thẻ',
  SM_COMMAND_INVALID: 'Lệnh bảo mật bị từ chối',
  SM_OBJECTS_MISSING: 'Lệnh bảo mật thiếu dữ liệu',
  ACCESS_DENIED: 'Chip không chấp nhận khoá: hãy kiểm tra số giấy tờ, ngày tháng hoặc mã CAN',
  ACCESS_KEY_MISSING: 'Chưa nhập thông tin mở chip',
  BIRTH_DATE_NEEDED: (p) => (p.reason === 'no-pace'
    ? 'Thẻ này không mở được chỉ bằng số định danh (thẻ không hỗ trợ PACE): hãy nhập thêm ngày sinh'
    : 'Chip không mở được chỉ bằng số định danh: hãy kiểm tra lại số định danh, hoặc nhập thêm ngày sinh'),
  ACCESS_KEY_INVALID: 'Số giấy tờ, ngày sinh hoặc ngày hết hạn không hợp lệ',
  BAC_RESPONSE_INVALID: 'Phản hồi BAC của chip không hợp lệ',
  NOT_AN_EMRTD: 'Thẻ này không phải hộ chiếu hoặc căn cước gắn chip',
  MRZ_KEY_REQUIRED: 'Thẻ này chỉ mở được bằng số giấy tờ và ngày tháng (mã CAN cần PACE)',
  PACE_UNSUPPORTED: 'Chip không có biến thể PACE nào mà máy hỗ trợ',
  PACE_FAILED: 'Mở chip bằng PACE thất bại',
  CA_KEY_UNSUPPORTED: 'Không dùng được khoá xác thực chip',
  AA_UNSUPPORTED: 'Không thể kiểm tra xác thực chủ động',
  READ_RESPONSE_INVALID: 'Chip trả về dữ liệu sai định dạng khi đọc tệp',
  READ_LENGTH_REFUSED: 'Chip từ chối mọi độ dài đọc; đầu đọc có thể không hỗ trợ thẻ này',
  FILE_TOO_LARGE: 'Tệp trên chip có kích thước bất thường',
  READ_TOO_MANY_CHUNKS: 'Đọc tệp mất quá nhiều bước',
} satisfies Translation<typeof en>;
