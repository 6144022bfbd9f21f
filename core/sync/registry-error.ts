/** A failed registry exchange, with what the sync worker needs to decide how to retry. */
import { EidError } from '../errors.ts';
import type { ErrorCode } from '../messages/catalogue.ts';
import type { MessageParams } from '../messages/define.ts';

export type RegistryFailure =
  /** No HTTP answer: connection refused, reset, timeout. The batch may or may not have arrived. */
  | 'UNREACHABLE'
  /** 5xx or 429: try again later (Retry-After honoured). */
  | 'UNAVAILABLE'
  /** 4xx: the registry refused this terminal or this request (revoked, unknown, malformed). */
  | 'REFUSED';

export class RegistryError extends EidError {
  readonly failure: RegistryFailure;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly serverTime: string | undefined;

  /** `params` as the code's catalogue entry declares them (the registry's own codes take none). */
  constructor(code: ErrorCode, params: MessageParams, detail: {
    failure: RegistryFailure; status?: number; retryAfterMs?: number | undefined; serverTime?: string | undefined; cause?: unknown;
  }) {
    super(code, params as never, { cause: detail.cause });
    this.failure = detail.failure;
    this.status = detail.status;
    this.retryAfterMs = detail.retryAfterMs;
    this.serverTime = detail.serverTime;
  }
}
