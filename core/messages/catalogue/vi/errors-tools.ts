/** Tiếng Việt: lỗi của dòng lệnh và của so khớp khuôn mặt. */
import type { Translation } from '../../define.ts';
import type { toolErrors as en } from '../en/errors-tools.ts';

export const toolErrors = {
  USAGE: 'Lệnh chưa đầy đủ hoặc sai cú pháp; xem --help',
  ELECTRON_BUILD_FAILED: 'Không tạo được gói Electron (chạy npm run build để xem lý do)',
  PIN_REQUIRED: (p) => `Cần mã PIN: nhập khi được hỏi, hoặc dùng ${p.fileOption} TỆP hoặc ${p.env}`,
  PIN_NOT_GIVEN: 'Chưa nhập mã PIN',
  SUPERVISOR_PIN_IN_ARGUMENT: (p) => `--supervisor chỉ nhận tên: mã PIN trên dòng lệnh thì mọi người dùng máy này đều thấy. Dùng --supervisor TÊN rồi nhập mã PIN khi được hỏi, hoặc ghi vào ${p.fileOption} TỆP (chỉ bạn đọc được) hoặc ${p.env}`,
  FILE_UNREADABLE: (p) => `${p.option}: không đọc được tệp`,
  FACE_NOT_FOUND: 'Không tìm thấy khuôn mặt nào trong ảnh',
  FACE_MULTIPLE: (p) => `Tìm thấy ${p.count} khuôn mặt trong ảnh; chỉ được có một khuôn mặt`,
  IMAGE_UNREADABLE: 'Không đọc được ảnh',
  FACE_REFERENCE_MISSING: 'Không có ảnh khuôn mặt tham chiếu',
  FACE_ENGINE_UNAVAILABLE: 'Không khởi động được bộ so khớp khuôn mặt',
} satisfies Translation<typeof en>;
