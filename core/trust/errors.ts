/** Typed errors of the trust layer (codes are stable; messages are for a counter clerk). */
import { EidError } from '../errors.ts';

export function unsupportedAlgorithm(what: string): EidError {
  return new EidError(
    'UNSUPPORTED_ALGORITHM',
    `The document uses a signature algorithm this terminal does not support (${what}).`,
    `Giấy tờ dùng thuật toán chữ ký mà thiết bị chưa hỗ trợ (${what}).`,
  );
}

export function trustFileError(detail: string, cause?: unknown): EidError {
  return new EidError(
    'TRUST_FILE_INVALID',
    `The trust file could not be used: ${detail}`,
    `Không dùng được tệp chứng thư tin cậy: ${detail}`,
    cause === undefined ? undefined : { cause },
  );
}
