/** Tiếng Việt: lỗi của xác thực thụ động và kho chứng thư tin cậy. */
import type { Translation } from '../../define.ts';
import type { trustErrors as en } from '../en/errors-trust.ts';

export const trustErrors = {
  UNSUPPORTED_ALGORITHM: (p) => `Giấy tờ dùng thuật toán chữ ký mà thiết bị chưa hỗ trợ (${p.algorithm})`,
  TRUST_FILE_INVALID: 'Không dùng được tệp chứng thư tin cậy',
  TRUST_FILE_UNREADABLE: (p) => `Không đọc được tệp ${p.file}; chưa công bố gì`,
  TRUST_LIST_EMPTY: 'Các tệp không chứa chứng thư CSCA nào; chưa công bố',
  TRUST_NOT_FOUND: (p) => `Không có chứng thư hoặc CRL với dấu vân tay ${p.fingerprint}`,
} satisfies Translation<typeof en>;
