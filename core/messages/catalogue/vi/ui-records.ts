/** Tiếng Việt: màn hình lịch sử và xuất dữ liệu. */
import type { Translation } from '../../define.ts';
import type { uiRecords as en } from '../en/ui-records.ts';

export const uiRecords = {
  'history.search': 'Tìm theo họ tên, số định danh hoặc 4 đến 6 số cuối',
  'history.allVerdicts': 'Mọi kết quả',
  'history.none': 'Chưa có bản ghi',
  'history.synced': 'Đã đồng bộ',
  'history.pending': 'Chờ đồng bộ',
  'history.export': 'Xuất dữ liệu',
  'history.from': 'Từ ngày',
  'history.to': 'Đến ngày',
  'history.previous': 'Trước',
  'history.next': 'Sau',
  'history.time': 'Thời gian',
  'history.name': 'Họ tên',
  'history.idNumber': 'Số định danh',
  'history.verdict': 'Kết quả',
  'history.operator': 'Người dùng',
  'history.detail': 'Chi tiết bản ghi',
  'history.details': 'Chi tiết',
  'history.back': 'Quay lại danh sách',
  'history.document': 'Giấy tờ',
  'history.syncedAt': (p) => `Đã đồng bộ lúc ${p.time}`,
  'history.retainUntil': 'Lưu dữ liệu cá nhân đến',
  'history.purgedAt': (p) => `Đã xoá dữ liệu cá nhân lúc ${p.time}`,
  'history.sync': 'Đồng bộ',
} satisfies Translation<typeof en>;
