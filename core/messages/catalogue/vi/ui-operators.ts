/** Tiếng Việt: công cụ của người giám sát: thiết lập lần đầu, tài khoản nhân viên, kho tin cậy. */
import type { Translation } from '../../define.ts';
import type { uiOperators as en } from '../en/ui-operators.ts';

export const uiOperators = {
  'setup.title': 'Lần đầu sử dụng: tạo tài khoản người giám sát',
  'setup.hint': 'Chưa có tài khoản nhân viên nào. Người giám sát thêm nhân viên, quản lý cài đặt và kho chứng thư tin cậy.',
  'setup.pinAgain': 'Nhập lại mã PIN',
  'setup.pinMismatch': 'Hai mã PIN không khớp',
  'setup.action': 'Tạo người giám sát',
  'operators.title': 'Nhân viên',
  'operators.name': 'Tên',
  'operators.role': 'Vai trò',
  'operators.state': 'Trạng thái',
  'operators.active': 'Đang hoạt động',
  'operators.disabled': 'Đã vô hiệu hoá',
  'operators.lockedUntil': (p) => `Bị khoá đến ${p.time}`,
  'operators.add': 'Thêm nhân viên',
  'operators.newPin': 'Mã PIN (4 đến 12 chữ số)',
  'operators.unlock': 'Mở khoá',
  'operators.disable': 'Vô hiệu hoá',
  'operators.enable': 'Kích hoạt lại',
  'operators.resetPin': 'Đặt mã PIN mới',
  'operators.done': 'Đã thực hiện',
  'role.clerk': 'Nhân viên',
  'role.supervisor': 'Người giám sát',
  'trust.chooseFile': 'Chọn tệp',
  'trust.remove': 'Gỡ bỏ',
  'trust.confirmRemove': 'Xác nhận gỡ bỏ',
  'trust.removed': 'Đã gỡ khỏi kho tin cậy',
  'trust.demo': 'DEMO: chỉ để thử nghiệm, khoá của nó là công khai',
  'trust.demoImported': (p) =>
    `Cảnh báo: đã nhập ${p.count} CSCA demo. Khoá bí mật của chúng là công khai, nên mọi thứ chúng ký chỉ là giấy tờ thử nghiệm, không phải giấy tờ tuỳ thân. Hãy gỡ bỏ chúng trên quầy phục vụ khách hàng.`,
} satisfies Translation<typeof en>;
