/** Tiếng Việt: lỗi của đầu đọc thẻ: PC/SC, thành phần đọc thẻ, tín hiệu ATR và cầu nối đầu đọc ảo. */
import type { Translation } from '../../define.ts';
import type { readerErrors as en } from '../en/errors-readers.ts';

export const readerErrors = {
  PCSC_UNAVAILABLE: (p) => (p.missing === 'binding'
    ? `Đầu đọc thẻ thật cần thành phần PC/SC (gói npm smartcard), máy này chưa cài; để bật, hãy chạy: ${p.command}`
    : `Dịch vụ thẻ thông minh (pcscd) không chạy. Hãy khởi động dịch vụ hoặc cài phần mềm đầu đọc (${p.command}); máy sẽ tự kết nối lại.`),
  PCSC_BINDING_MISSING: 'Thành phần đọc thẻ thông minh chưa được cài đặt (gói smartcard không tải được). Hãy cài đặt lại phần mềm.',
  READER_UNAVAILABLE: 'Đầu đọc thẻ không còn kết nối. Hãy kiểm tra cáp USB và thử lại.',
  READER_BUSY: 'Đầu đọc thẻ đang được chương trình khác sử dụng. Hãy đóng chương trình đó và thử lại.',
  NO_CARD: 'Chưa có thẻ trên đầu đọc. Hãy đặt căn cước hoặc hộ chiếu lên đầu đọc.',
  CARD_REMOVED: 'Thẻ đã bị nhấc khỏi đầu đọc trước khi đọc xong. Hãy đặt lại thẻ và giữ yên cho đến khi đọc xong.',
  CARD_RESET: 'Thẻ bị chương trình khác khởi động lại trong khi đọc. Hãy đọc lại.',
  CARD_UNRESPONSIVE: 'Thẻ không phản hồi. Hãy đặt thẻ phẳng vào giữa đầu đọc; nếu vẫn lỗi, chip có thể đã hỏng.',
  TRANSPORT_TIMEOUT: 'Thẻ phản hồi quá lâu. Hãy giữ yên thẻ trên đầu đọc và đọc lại.',
  EXTENDED_LENGTH_UNSUPPORTED: 'Đầu đọc này không hỗ trợ lệnh dài (extended length); máy sẽ chuyển sang lệnh ngắn.',
  PCSC_ERROR: 'Đầu đọc thẻ báo lỗi. Hãy nhấc thẻ ra, đặt lại và thử lại.',
  ATR_MALFORMED: 'Tín hiệu khởi động (ATR) của thẻ sai định dạng. Hãy nhấc thẻ ra và đặt lại.',
  VPCD_MESSAGE_TOO_LONG: (p) => `Tin nhắn ${p.bytes} byte gửi đầu đọc ảo vượt giới hạn 65535 byte.`,
  VPCD_UNREACHABLE: (p) => `Trình điều khiển đầu đọc ảo không nhận thẻ tại ${p.address} sau ${p.millis} ms. Dịch vụ pcscd và vsmartcard-vpcd đã chạy chưa?`,
  VPCD_BRIDGE_STOPPED: 'Kết nối thẻ ảo này đã đóng; hãy tạo kết nối mới.',
} satisfies Translation<typeof en>;
