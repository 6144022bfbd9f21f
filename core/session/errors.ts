/** The session's own failures; errors from reading (BAC_FAILED, CARD_REMOVED ...) pass through as they are. */
import { EidError, isEidError } from '../errors.ts';

const MESSAGES = {
  SESSION_BUSY: ['A verification is already running on this reader', 'Đầu đọc này đang xác thực một thẻ khác'],
  SESSION_WRONG_STATE: ['That step is not possible now', 'Không thể thực hiện bước này lúc này'],
  SESSION_CANCELLED: ['The verification was cancelled', 'Đã hủy xác thực'],
  SESSION_CARD_REMOVED: ['The card was removed before reading finished; place it on the reader again', 'Thẻ bị lấy ra trước khi đọc xong; hãy đặt lại thẻ lên đầu đọc'],
  SESSION_STORE_FAILED: ['The card was checked but the result could not be recorded; do not continue, call support', 'Đã kiểm tra thẻ nhưng không lưu được kết quả; không tiếp tục, hãy gọi hỗ trợ'],
  SESSION_READ_FAILED: ['Reading the card failed', 'Đọc thẻ thất bại'],
} as const satisfies Record<string, readonly [string, string]>;

export type SessionErrorCode = keyof typeof MESSAGES;

export function sessionError(code: SessionErrorCode, detail?: string, cause?: unknown): EidError {
  const [en, vi] = MESSAGES[code];
  return new EidError(code, detail ? `${en} (${detail})` : en, vi, cause === undefined ? undefined : { cause });
}

/** Any thrown value as an EidError, keeping typed errors from lower layers unchanged. */
export function asEidError(e: unknown): EidError {
  return isEidError(e) ? e : sessionError('SESSION_READ_FAILED', undefined, e);
}

/** Between the steps of a read: stop when the caller cancelled. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EidError('CANCELLED', 'The reading was cancelled', 'Đã huỷ đọc thẻ');
}
