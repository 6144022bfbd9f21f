/** The store's typed failures; the catalogue (core/messages) words each for a counter clerk. */
import { EidError } from '../errors.ts';
import type { storeErrors } from '../messages/catalogue/en/errors-store.ts';

export type StoreErrorCode = keyof typeof storeErrors;

/** `detail` is a technical note (never personal data) for logs and support. */
export function storeError(code: StoreErrorCode, detail?: string, cause?: unknown): EidError {
  return new EidError(code, detail ? { detail } : {}, { cause });
}
