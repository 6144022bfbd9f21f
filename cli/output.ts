import { isEidError } from '../core/errors.ts';

/** Prints an error for a person or as the `{"error": {...}}` JSON object; returns exit status 2. */
export function reportError(e: unknown, json: boolean): number {
  const code = isEidError(e) ? e.code : 'INTERNAL_ERROR';
  const message = e instanceof Error ? e.message : String(e);
  if (json) {
    console.log(JSON.stringify({ error: { code, message } }));
  } else {
    console.error(`error [${code}]: ${message}`);
    if (isEidError(e)) console.error(`lỗi: ${e.vi}`);
  }
  return 2;
}
