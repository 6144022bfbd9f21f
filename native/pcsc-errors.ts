/**
 * Every PC/SC failure the terminal can meet, as EidErrors a counter clerk understands, and the
 * mapping from the native binding's errors (which carry only the PC/SC message text) to them.
 */
import { EidError, isEidError } from '../core/errors.ts';

export type PcscErrorCode =
  | 'PCSC_UNAVAILABLE'
  | 'READER_UNAVAILABLE'
  | 'READER_BUSY'
  | 'NO_CARD'
  | 'CARD_REMOVED'
  | 'CARD_RESET'
  | 'CARD_UNRESPONSIVE'
  | 'TRANSPORT_TIMEOUT'
  | 'EXTENDED_LENGTH_UNSUPPORTED'
  | 'PCSC_ERROR';

const MESSAGES: Record<PcscErrorCode, readonly [string, string]> = {
  PCSC_UNAVAILABLE: [
    'The smart-card service (pcscd) is not running. Start it, or check that the reader software is installed; the terminal reconnects by itself.',
    'Dịch vụ thẻ thông minh (pcscd) không chạy. Hãy khởi động dịch vụ hoặc kiểm tra phần mềm đầu đọc; máy sẽ tự kết nối lại.',
  ],
  READER_UNAVAILABLE: [
    'The card reader is no longer connected. Check its USB cable and try again.',
    'Đầu đọc thẻ không còn kết nối. Hãy kiểm tra cáp USB và thử lại.',
  ],
  READER_BUSY: [
    'The card reader is being used by another program. Close it and try again.',
    'Đầu đọc thẻ đang được chương trình khác sử dụng. Hãy đóng chương trình đó và thử lại.',
  ],
  NO_CARD: [
    'There is no card on the reader. Place the ID card or passport on the reader.',
    'Chưa có thẻ trên đầu đọc. Hãy đặt căn cước hoặc hộ chiếu lên đầu đọc.',
  ],
  CARD_REMOVED: [
    'The card was taken off the reader before reading finished. Put it back and keep it still until reading completes.',
    'Thẻ đã bị nhấc khỏi đầu đọc trước khi đọc xong. Hãy đặt lại thẻ và giữ yên cho đến khi đọc xong.',
  ],
  CARD_RESET: [
    'The card was restarted by another program during reading. Read it again.',
    'Thẻ bị chương trình khác khởi động lại trong khi đọc. Hãy đọc lại.',
  ],
  CARD_UNRESPONSIVE: [
    'The card does not answer. Place it flat in the middle of the reader; if it still fails, the chip may be damaged.',
    'Thẻ không phản hồi. Hãy đặt thẻ phẳng vào giữa đầu đọc; nếu vẫn lỗi, chip có thể đã hỏng.',
  ],
  TRANSPORT_TIMEOUT: [
    'The card took too long to answer. Keep the card still on the reader and read it again.',
    'Thẻ phản hồi quá lâu. Hãy giữ yên thẻ trên đầu đọc và đọc lại.',
  ],
  EXTENDED_LENGTH_UNSUPPORTED: [
    'This reader cannot pass long (extended-length) commands; the terminal switches to short commands.',
    'Đầu đọc này không hỗ trợ lệnh dài (extended length); máy sẽ chuyển sang lệnh ngắn.',
  ],
  PCSC_ERROR: [
    'The card reader reported an error. Take the card off, put it back and try again.',
    'Đầu đọc thẻ báo lỗi. Hãy nhấc thẻ ra, đặt lại và thử lại.',
  ],
};

/** Builds the EidError for a code; `detail` (never personal data) is appended for support staff. */
export function pcscError(code: PcscErrorCode, detail?: string, cause?: unknown): EidError {
  const [en, vi] = MESSAGES[code];
  return new EidError(code, detail ? `${en} (${detail})` : en, vi, cause === undefined ? undefined : { cause });
}

/** PC/SC message texts as the binding reports them (pcsc-lite's pcsc_stringify_error and smartcard's table). */
const BY_MESSAGE: readonly [RegExp, PcscErrorCode][] = [
  [/card was removed|no smart card|unpowered|removed card/i, 'CARD_REMOVED'],
  [/card was reset|reset card/i, 'CARD_RESET'],
  [/reader unavailable|unknown reader|reader not ready|no readers/i, 'READER_UNAVAILABLE'],
  [/service (not running|stopped)|no service|service not available/i, 'PCSC_UNAVAILABLE'],
  [/sharing violation/i, 'READER_BUSY'],
  [/timed out|timeout/i, 'TRANSPORT_TIMEOUT'],
  [/unresponsive|protocol mismatch|not supported|invalid atr/i, 'CARD_UNRESPONSIVE'],
];

/** Converts whatever the native binding threw into a typed EidError (EidErrors pass through). */
export function pcscFailure(e: unknown, reader?: string): EidError {
  if (isEidError(e)) return e;
  const text = e instanceof Error ? e.message : String(e);
  const code = BY_MESSAGE.find(([pattern]) => pattern.test(text))?.[1] ?? 'PCSC_ERROR';
  return pcscError(code, reader ? `${reader}: ${text}` : text, e);
}
