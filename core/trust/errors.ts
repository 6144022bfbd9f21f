/** Typed errors of the trust layer (codes are stable; the catalogue words them for a counter clerk). */
import { EidError } from '../errors.ts';

export function unsupportedAlgorithm(what: string): EidError {
  return new EidError('UNSUPPORTED_ALGORITHM', { algorithm: what });
}

export function trustFileError(detail: string, cause?: unknown): EidError {
  return new EidError('TRUST_FILE_INVALID', { detail }, { cause });
}
