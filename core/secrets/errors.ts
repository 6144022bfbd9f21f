/** Failures of keys and secret files at rest, each with a message an administrator can act on. */
import { EidError } from '../errors.ts';

const MESSAGES = {
  KEY_FILE_INSECURE: ['A key file can be read by other users; restrict it to the service account (chmod 600)', 'Tệp khóa bị người khác đọc được; hãy giới hạn quyền (chmod 600)'],
  KEY_FILE_INVALID: ['A key file is damaged', 'Tệp khóa bị hỏng'],
  KEY_PROTECTION_UNAVAILABLE: ['The operating system cannot protect the data key on this machine', 'Hệ điều hành không bảo vệ được khóa dữ liệu trên máy này'],
  PIN_FILE_INSECURE: ['The PIN file can be read by other users; restrict it (chmod 600)', 'Tệp mã PIN bị người khác đọc được; hãy giới hạn quyền (chmod 600)'],
  SEALED_DATA_INVALID: ['Encrypted data could not be opened: wrong key or altered data', 'Không giải mã được dữ liệu: sai khóa hoặc dữ liệu đã bị sửa'],
} as const satisfies Record<string, readonly [string, string]>;

export type SecretsErrorCode = keyof typeof MESSAGES;

export function secretsError(code: SecretsErrorCode, detail?: string, cause?: unknown): EidError {
  const [en, vi] = MESSAGES[code];
  return new EidError(code, detail ? `${en} (${detail})` : en, vi, cause === undefined ? undefined : { cause });
}
