/** Tiếng Việt: màn hình lịch sử và xuất dữ liệu. */
import type { Translation } from '../../define.ts';
import type { uiRecords as en } from '../en/ui-records.ts';

export const uiRecords = {
  'history.search': 'Tìm theo số định danh hoặc họ tên',
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
  'history.sync': 'Đồng bộ',
} satisfies Translation<typeof en>;
