/** The `reason` of a check (core/api/verification.ts): which rule decided, with technical parameters only. */
import type { CheckReason, CheckReasonCode } from '../api/verification.ts';

export function checkReason(code: CheckReasonCode, params: CheckReason['params'] = {}): CheckReason {
  return { code, params };
}

/** A calendar day (UTC) for reason parameters: certificate and signing dates, never a holder's. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
