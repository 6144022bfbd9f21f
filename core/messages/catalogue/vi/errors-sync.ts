/** Tiếng Việt: lỗi kết nối máy chủ trung tâm: đăng ký quầy, đồng bộ, danh sách tin cậy, chữ ký yêu cầu. */
import type { Translation } from '../../define.ts';
import type { syncErrors as en } from '../en/errors-sync.ts';

export const syncErrors = {
  NOT_ENROLLED: 'Máy trạm chưa đăng ký với máy chủ; hãy chạy `eid-terminal enrol URL CODE`',
  ALREADY_ENROLLED: (p) => `Máy trạm đã đăng ký với mã ${p.terminalId}`,
  REGISTRY_URL_INVALID: 'Địa chỉ máy chủ không phải URL http hoặc https hợp lệ',
  REGISTRY_URL_INSECURE: 'Đăng ký máy trạm ghim khoá của máy chủ nên cần https (http chỉ dùng cho máy chủ trên chính máy này)',
  REGISTRY_FINGERPRINT_MISMATCH: (p) => `Khoá của máy chủ là ${p.fingerprint}, không phải ${p.expected} như mong đợi; chưa gửi gì`,
  ENROLMENT_CANCELLED: 'Đã huỷ đăng ký: khoá của máy chủ chưa được xác nhận',
  REGISTRY_KEY_CHANGED: 'Trả lời đăng ký mang khoá máy chủ khác với khoá đã kiểm tra; chưa lưu gì',
  REGISTRY_UNREACHABLE: 'Không kết nối được máy chủ',
  REGISTRY_BAD_ANSWER: 'Trả lời của máy chủ không dùng được',
  REGISTRY_REFUSED: (p) => `Máy chủ từ chối hoặc tạm ngừng (HTTP ${p.status})`,
  TRUST_LIST_ROLLBACK: (p) => `Máy chủ gửi danh sách tin cậy phiên bản ${p.offered}, cũ hơn phiên bản đang dùng ${p.current}`,
  TRUST_LIST_INVALID: 'Danh sách tin cậy từ máy chủ không hợp lệ',
  TRUST_LIST_SIGNATURE_INVALID: 'Chữ ký của danh sách tin cậy không hợp lệ',
  SIGNATURE_INVALID: 'Chữ ký của yêu cầu không hợp lệ',
  SIGNATURE_MISSING: 'Yêu cầu chưa được ký',
  RECORD_NOT_CANONICAL: 'Bản ghi không thể chuẩn hoá để tính mã băm',
  BAD_REQUEST: 'Máy chủ không hiểu yêu cầu',
  PUBLIC_KEY_INVALID: 'Máy chủ không chấp nhận khoá công khai của quầy',
  CLOCK_SKEW: 'Đồng hồ của quầy lệch quá nhiều so với máy chủ',
  REPLAYED_REQUEST: 'Máy chủ đã nhận yêu cầu này rồi',
  UNKNOWN_TERMINAL: 'Máy chủ không biết quầy này',
  ENROLMENT_CODE_INVALID: 'Mã đăng ký không đúng, đã dùng hoặc đã hết hạn',
  TERMINAL_REVOKED: 'Quầy này đã bị thu hồi trên máy chủ',
  TERMINAL_NOT_FOUND: (p) => `Không có máy trạm đang hoạt động ${p.terminalId}`,
  NO_TRUST_LIST: 'Máy chủ chưa công bố danh sách tin cậy nào',
  PAYLOAD_TOO_LARGE: 'Yêu cầu quá lớn đối với máy chủ',
  UNAVAILABLE: 'Máy chủ tạm thời không phục vụ',
} satisfies Translation<typeof en>;
