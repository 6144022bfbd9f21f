/** The session's own failures; errors from reading (BAC_FAILED, CARD_REMOVED ...) pass through as they are. */
import { EidError, isEidError } from '../errors.ts';

export type SessionErrorCode = 'SESSION_BUSY' | 'SESSION_WRONG_STATE' | 'SESSION_CANCELLED' | 'SESSION_CARD_REMOVED' | 'SESSION_STORE_FAILED' | 'SESSION_READ_FAILED';

export function sessionError(code: SessionErrorCode, detail?: string, cause?: unknown): EidError {
  return new EidError(code, detail ? { detail } : {}, { cause });
}

/** Any thrown value as an EidError, keeping typed errors from lower layers unchanged. */
export function asEidError(e: unknown): EidError {
  return isEidError(e) ? e : sessionError('SESSION_READ_FAILED', undefined, e);
}

/** Between the steps of a read: stop when the caller cancelled. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EidError('CANCELLED');
}
