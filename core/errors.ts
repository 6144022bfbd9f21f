/**
 * Every failure the terminal can meet is an EidError with a stable code, an English message and a
 * Vietnamese message a clerk can read. Callers branch on `code`, never on message text.
 */
export class EidError extends Error {
  readonly code: string;
  readonly vi: string;

  constructor(code: string, message: string, vi: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EidError';
    this.code = code;
    this.vi = vi;
  }

  toJSON(): { code: string; message: string; vi: string } {
    return { code: this.code, message: this.message, vi: this.vi };
  }
}

export function isEidError(e: unknown, code?: string): e is EidError {
  return e instanceof EidError && (code === undefined || e.code === code);
}

/**
 * Runs `work`; whatever fails underneath that is not already an EidError (with `keepCode`, when
 * given) becomes `wrap(detail, cause)`, so a parser reports one typed error and keeps the cause.
 */
export function wrapFailures<T>(keepCode: string | undefined, wrap: (detail: string, cause: unknown) => EidError, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (isEidError(e, keepCode)) throw e;
    throw wrap(e instanceof Error ? e.message : String(e), e);
  }
}
