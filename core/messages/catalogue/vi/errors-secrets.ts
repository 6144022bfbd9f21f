/** Tiếng Việt: lỗi của khoá và tệp bí mật lưu trên đĩa, của máy trạm cũng như của máy chủ. */
import type { Translation } from '../../define.ts';
import type { secretsErrors as en } from '../en/errors-secrets.ts';

export const secretsErrors = {
  KEY_FILE_INSECURE: 'Tệp khoá bị người khác đọc được; hãy giới hạn quyền cho tài khoản dịch vụ (chmod 600)',
  KEY_FILE_INVALID: 'Tệp khoá bị hỏng',
  KEY_PROTECTION_UNAVAILABLE: 'Hệ điều hành không bảo vệ được khoá dữ liệu trên máy này',
  PIN_FILE_INSECURE: 'Tệp mã PIN bị người khác đọc được; hãy giới hạn quyền (chmod 600)',
  SEALED_DATA_INVALID: 'Không giải mã được dữ liệu: sai khoá hoặc dữ liệu đã bị sửa',
  SIGNING_KEY_MISSING: (p) => `${p.keyStore} không có khoá ký danh sách tin cậy: hãy công bố hoặc thay khoá trên máy giữ khoá`,
  SIGNING_KEY_MISMATCH: (p) => `${p.keyStore} không giữ khoá ký danh sách tin cậy hiện hành của máy chủ`,
  SIGNING_KEY_MIGRATION: 'Cần chuyển khoá trong settings.registry.signingKey sang kho khoá trước',
  DATA_KEY_MISMATCH: 'Khoá dữ liệu của máy chủ không thuộc cơ sở dữ liệu này: hãy chép tệp khoá từ máy đã tạo ra nó',
} satisfies Translation<typeof en>;
