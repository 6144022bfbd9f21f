/** Tiếng Việt: khung màn hình: tiêu đề, chuyển trang, đăng nhập, mã PIN, ngôn ngữ, thanh trạng thái. */
import type { Translation } from '../../define.ts';
import type { uiCommon as en } from '../en/ui-common.ts';

export const uiCommon = {
  'app.title': 'Xác thực căn cước gắn chip',
  'nav.verify': 'Xác thực',
  'nav.history': 'Lịch sử',
  'nav.settings': 'Cài đặt',
  'nav.language': 'Ngôn ngữ',
  'signIn.title': 'Đăng nhập ca làm việc',
  'signIn.action': 'Đăng nhập',
  'signOut.action': 'Đăng xuất',
  'pin.supervisorTitle': 'Nhập tên và mã PIN giám sát viên',
  'pin.operator': 'Người dùng',
  'pin.pin': 'Mã PIN',
  'pin.unlock': 'Mở khoá',
  'error.details': 'Chi tiết',
  'error.code': 'Mã lỗi',
  'error.label': 'lỗi',
  'warning.label': 'Lưu ý',
  'status.noReader': 'Không có đầu đọc',
  'status.cardPresent': 'có thẻ',
  'status.noCard': 'chưa có thẻ',
  'status.online': 'Trực tuyến',
  'status.offline': 'Ngoại tuyến',
  'status.noRegistry': 'Chưa kết nối máy chủ',
  'status.pending': 'bản ghi chờ gửi',
  'status.purgeWaiting': (p) => `${p.count} bản ghi đã hết hạn lưu đang chờ máy chủ xác nhận rồi mới được xoá`,
  'status.trustList': 'Danh sách tin cậy',
  'status.trustNever': 'chưa cập nhật',
  'status.serviceDown': 'Dịch vụ của máy đã dừng — đang kết nối lại…',
} satisfies Translation<typeof en>;
