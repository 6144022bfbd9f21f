/** Tiếng Việt: lỗi của giao diện tích hợp cục bộ cho ứng dụng nghiệp vụ và của kết quả có chữ ký. */
import type { Translation } from '../../define.ts';
import type { integrationErrors as en } from '../en/errors-integration.ts';

export const integrationErrors = {
  INTEGRATION_CLIENT_INVALID: 'Ứng dụng tích hợp không hợp lệ: hãy kiểm tra tên, địa chỉ trang web (origin) và quyền',
  INTEGRATION_CLIENT_UNKNOWN: (p) => `Không có ứng dụng tích hợp ${p.client} đang hoạt động`,
  SCOPE_MISSING: (p) => `Ứng dụng này không có quyền ${p.scope}`,
  ORIGIN_NOT_ALLOWED: 'Trang web này chưa được đăng ký trên máy trạm cho ứng dụng này',
  RESULT_NOT_FOUND: 'Không có lần xác thực này cho ứng dụng (hoặc không còn được lưu)',
  REQUEST_TOO_LARGE: 'Yêu cầu quá lớn',
  SUPERVISOR_PIN_REQUIRED: 'Cần mã PIN của người giám sát: --by-pin-file TỆP, EID_TERMINAL_BY_PIN, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập',
  KEY_SET_INVALID: 'Không dùng được danh sách khoá của máy trạm',
  INTEGRATION_PORT_IN_USE: (p) => `Không khởi động được giao diện tích hợp: một chương trình khác đang dùng cổng ${p.port} trên máy này`,
} satisfies Translation<typeof en>;
