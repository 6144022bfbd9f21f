/** Tiếng Việt: màn hình cài đặt, kho chứng thư tin cậy và hồ sơ mục đích sử dụng. */
import type { Translation } from '../../define.ts';
import type { uiSettings as en } from '../en/ui-settings.ts';

export const uiSettings = {
  'settings.supervisorRequired': 'Cần quyền giám sát viên',
  'settings.save': 'Lưu',
  'settings.saved': 'Đã lưu',
  'settings.terminalName': 'Tên quầy',
  'settings.purpose': 'Mục đích sử dụng',
  'settings.language': 'Ngôn ngữ',
  'settings.reader': 'Đầu đọc',
  'settings.anyReader': 'Tự chọn',
  'settings.registryUrl': 'Địa chỉ máy chủ trung tâm',
  'settings.enrolCode': 'Mã đăng ký',
  'settings.enrol': 'Đăng ký quầy',
  'settings.resultClearSeconds': 'Tự xoá kết quả sau (giây)',
  'settings.idleSignOutMinutes': 'Tự đăng xuất khi không thao tác trong (phút)',
  'settings.enrolled': (p) => `Đã đăng ký quầy với mã ${p.terminalId}`,
  'trust.title': 'Chứng thư CSCA tin cậy',
  'trust.import': 'Nhập master list / chứng thư',
  'purpose.bank': 'Quầy ngân hàng: định danh khách hàng (KYC), lưu 5 năm',
  'purpose.hospital': 'Tiếp đón bệnh viện: đăng ký khám bệnh, lưu 1 năm',
  'purpose.government': 'Cơ quan hành chính: thủ tục hành chính, lưu 2 năm',
  'purpose.minimal': 'Chỉ xác thực: lưu số định danh 90 ngày',
} satisfies Translation<typeof en>;
