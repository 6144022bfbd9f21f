/** Tiếng Việt: lỗi của cơ sở dữ liệu hồ sơ, tài khoản nhân viên và cấu hình. */
import type { Translation } from '../../define.ts';
import type { storeErrors as en } from '../en/errors-store.ts';

export const storeErrors = {
  STORE_OPEN_FAILED: 'Không mở được cơ sở dữ liệu hồ sơ',
  STORE_SCHEMA_TOO_NEW: 'Cơ sở dữ liệu được tạo bởi phiên bản phần mềm mới hơn',
  STORE_MIGRATION_FAILED: 'Nâng cấp cơ sở dữ liệu thất bại; dữ liệu không bị thay đổi',
  STORE_CLOSED: 'Cơ sở dữ liệu hồ sơ đã đóng',
  RECORD_DECRYPT_FAILED: 'Không giải mã được hồ sơ: sai khoá hoặc dữ liệu đã bị sửa',
  RECORD_CORRUPT: 'Hồ sơ lưu trữ bị hỏng; hãy chạy kiểm tra chuỗi hồ sơ',
  RECORD_NOT_FOUND: 'Không có hồ sơ với mã này',
  RECORD_INVALID: 'Không lưu được kết quả xác thực: thiếu thông tin',
  FACE_MATCH_RECORDED: 'Kết quả đối chiếu khuôn mặt của bản ghi này đã được ghi nhận',
  FACE_OVERRIDE_REASON_MISSING: 'Cần nêu lý do khi không đồng ý với kết quả đối chiếu khuôn mặt của máy',
  QUERY_INVALID: 'Không hiểu điều kiện tìm kiếm',
  PROFILE_UNKNOWN: 'Không có hồ sơ mục đích này',
  PROFILE_INVALID: 'Cấu hình hồ sơ mục đích không hợp lệ',
  OPERATOR_AUTH_FAILED: 'Sai tên nhân viên hoặc mã PIN',
  OPERATOR_LOCKED: (p) => `Tài khoản bị khoá do nhập sai PIN nhiều lần, còn ${p.minutes} phút nữa; người giám sát có thể mở khoá ngay`,
  OPERATOR_EXISTS: 'Đã có nhân viên với tên này',
  OPERATOR_INVALID: 'Tên, vai trò hoặc mã PIN không hợp lệ (PIN: 4 đến 12 chữ số)',
  OPERATOR_LAST_SUPERVISOR: 'Không thể vô hiệu hoá hoặc chuyển thành nhân viên người giám sát cuối cùng; hãy chỉ định người giám sát khác trước',
  OPERATOR_SETUP_DONE: 'Đã tạo người giám sát đầu tiên; hãy đăng nhập bằng tên và mã PIN',
  OPERATOR_FORBIDDEN: 'Nhân viên này không có quyền; cần người giám sát',
  SETTING_INVALID: 'Giá trị cấu hình không hợp lệ',
  SETTING_UNKNOWN: (p) => `Không có mục cấu hình ${p.key}; các mục cấu hình là ${p.settings}`,
} satisfies Translation<typeof en>;
