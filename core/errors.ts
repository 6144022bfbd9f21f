/**
 * Every failure the terminal can meet is an EidError: a code from the message catalogue's closed
 * ErrorCode union and its parameters (core/messages). Callers branch on `code`; the UI and the CLI
 * render it in the clerk's language; `message` is the English rendering, for logs and stack traces.
 */
import type { ErrorCode, ErrorEntry } from './messages/catalogue.ts';
import type { MessageParams, ParamArgs } from './messages/define.ts';
import type { ErrorMessage } from './messages/message.ts';
import { renderWithDetail } from './messages/render.ts';

export type ErrorArgs<C extends ErrorCode> = [...ParamArgs<ErrorEntry<C>>, options?: { cause?: unknown }];

export class EidError<C extends ErrorCode = ErrorCode> extends Error implements ErrorMessage {
  readonly code: C;
  readonly params: MessageParams;

  constructor(code: C, ...args: ErrorArgs<C>) {
    const [params, options] = args as unknown as [MessageParams | undefined, { cause?: unknown } | undefined];
    const p: MessageParams = { ...params };
    super(renderWithDetail('en', { code, params: p }), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EidError';
    this.code = code;
    this.params = p;
  }

  toJSON(): { code: C; params: MessageParams; message: string } {
    return { code: this.code, params: this.params, message: this.message };
  }
}

export function isEidError(e: unknown, code?: ErrorCode): e is EidError {
  return e instanceof EidError && (code === undefined || e.code === code);
}

/**
 * Runs `work`; whatever fails underneath that is not already an EidError (with `keepCode`, when
 * given) becomes `wrap(detail, cause)`, so a parser reports one typed error and keeps the cause.
 */
export function wrapFailures<T>(keepCode: ErrorCode | undefined, wrap: (detail: string, cause: unknown) => EidError, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (isEidError(e, keepCode)) throw e;
    throw wrap(e instanceof Error ? e.message : String(e), e);
  }
}
