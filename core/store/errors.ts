/** The store's typed failures, each with a message a counter clerk can act on. */
import { EidError } from '../errors.ts';

export function storeError(code: StoreErrorCode, detail?: string, cause?: unknown): EidError {
  const [en, vi] = MESSAGES[code];
  return new EidError(code, detail ? `${en} (${detail})` : en, vi, cause === undefined ? undefined : { cause });
}

export type StoreErrorCode = keyof typeof MESSAGES;

const MESSAGES = {
  STORE_OPEN_FAILED: ['The records database could not be opened', 'Không mở được cơ sở dữ liệu hồ sơ'],
  STORE_SCHEMA_TOO_NEW: ['The records database was written by a newer version of the terminal', 'Cơ sở dữ liệu được tạo bởi phiên bản phần mềm mới hơn'],
  STORE_MIGRATION_FAILED: ['Upgrading the records database failed; nothing was changed', 'Nâng cấp cơ sở dữ liệu thất bại; dữ liệu không bị thay đổi'],
  STORE_CLOSED: ['The records database is closed', 'Cơ sở dữ liệu hồ sơ đã đóng'],
  RECORD_DECRYPT_FAILED: ['A stored record could not be decrypted: wrong key or altered data', 'Không giải mã được hồ sơ: sai khóa hoặc dữ liệu đã bị sửa'],
  RECORD_CORRUPT: ['A stored record is damaged and cannot be shown; run records verify-chain', 'Hồ sơ lưu trữ bị hỏng; hãy chạy kiểm tra chuỗi hồ sơ'],
  RECORD_NOT_FOUND: ['No record with this id', 'Không có hồ sơ với mã này'],
  RECORD_INVALID: ['The verification could not be recorded: incomplete information', 'Không lưu được kết quả xác thực: thiếu thông tin'],
  QUERY_INVALID: ['The search could not be understood', 'Không hiểu điều kiện tìm kiếm'],
  PROFILE_UNKNOWN: ['Unknown purpose profile', 'Không có hồ sơ mục đích này'],
  PROFILE_INVALID: ['The purpose profile settings are invalid', 'Cấu hình hồ sơ mục đích không hợp lệ'],
  // One code for unknown name and wrong PIN, so the answer does not reveal which names exist.
  OPERATOR_AUTH_FAILED: ['Unknown operator or wrong PIN', 'Sai tên nhân viên hoặc mã PIN'],
  OPERATOR_LOCKED: ['This operator is locked after too many wrong PINs; ask a supervisor', 'Tài khoản bị khóa do nhập sai PIN nhiều lần; hãy gọi người giám sát'],
  OPERATOR_EXISTS: ['An operator with this name already exists', 'Đã có nhân viên với tên này'],
  OPERATOR_INVALID: ['Operator name, role or PIN is not acceptable (PIN: 4 to 12 digits)', 'Tên, vai trò hoặc mã PIN không hợp lệ (PIN: 4 đến 12 chữ số)'],
  OPERATOR_FORBIDDEN: ['This operator is not allowed to do that; a supervisor is needed', 'Nhân viên này không có quyền; cần người giám sát'],
  SETTING_INVALID: ['A setting has an invalid value', 'Giá trị cấu hình không hợp lệ'],
  SETTING_UNKNOWN: ['There is no such setting', 'Không có mục cấu hình này'],
} as const satisfies Record<string, readonly [string, string]>;
