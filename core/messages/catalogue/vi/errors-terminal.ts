/** Tiếng Việt: lỗi của phiên xác thực, giao diện lập trình của quầy và các giao diện người dùng. */
import type { Translation } from '../../define.ts';
import type { terminalErrors as en } from '../en/errors-terminal.ts';

export const terminalErrors = {
  SESSION_BUSY: 'Đầu đọc này đang xác thực một thẻ khác',
  SESSION_WRONG_STATE: 'Không thể thực hiện bước này lúc này',
  SESSION_CANCELLED: 'Đã huỷ xác thực',
  SESSION_CARD_REMOVED: 'Thẻ bị lấy ra trước khi đọc xong; hãy đặt lại thẻ lên đầu đọc',
  SESSION_STORE_FAILED: 'Đã kiểm tra thẻ nhưng không lưu được kết quả; không tiếp tục, hãy gọi hỗ trợ',
  SESSION_READ_FAILED: 'Đọc thẻ thất bại',
  CANCELLED: 'Đã huỷ đọc thẻ',
  NO_READER: 'Chưa kết nối đầu đọc thẻ',
  READER_NOT_FOUND: (p) => `Không thấy đầu đọc ${p.reader}`,
  NO_VIRTUAL_READER: 'Đầu đọc ảo đang tắt',
  DEMO_CARD_UNKNOWN: 'Không có thẻ mẫu này',
  SIGN_IN_REQUIRED: 'Hãy đăng nhập bằng tên và mã PIN trước: đọc thẻ và xem lịch sử cần người đăng nhập',
  SYNC_UNAVAILABLE: 'Quầy này chạy không kết nối máy chủ',
  UNKNOWN_METHOD: (p) => `Không có chức năng ${p.method}`,
  INVALID_INPUT: 'Yêu cầu không hợp lệ',
  INTERNAL_ERROR: 'Lỗi hệ thống',
  BAD_HOST: 'Sai địa chỉ máy',
  BAD_ORIGIN: 'Từ chối yêu cầu từ trang khác',
  METHOD_NOT_ALLOWED: 'Không được phép',
  UNAUTHORIZED: 'Thiếu hoặc sai mã truy cập',
  NOT_FOUND: 'Không tìm thấy',
  FORBIDDEN_SENDER: 'Từ chối lời gọi từ trang lạ',
  SERVICE_FAILED: 'Dịch vụ của quầy đã dừng trước khi sẵn sàng',
  SERVICE_UNREACHABLE: 'Không kết nối được dịch vụ của quầy; dịch vụ có thể đã dừng',
  HTTP_ERROR: (p) => `Dịch vụ của quầy trả lời lỗi HTTP ${p.status}`,
} satisfies Translation<typeof en>;
