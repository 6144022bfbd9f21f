/**
 * Transport-neutral dispatch of one TerminalApi call: checks who may call it (method-access.ts),
 * validates the input with the contract's schema, runs the method, and turns any failure into the
 * `{ code, params, message }` error shape. The HTTP service and Electron's IPC both call this, so
 * authorisation and validation live in one place.
 */
import { TerminalApiSchema, type TerminalApiMethod, type TerminalEvent } from './terminal-api.ts';
import { EVENT_ACCESS, METHOD_ACCESS, admits, type GuardedApi } from './method-access.ts';
import type { ApiError } from './messages.ts';
import { EidError, isEidError } from '../errors.ts';

export type RpcOutcome = { ok: true; result: unknown } | { ok: false; error: ApiError; status: number };

export function isApiMethod(name: string): name is TerminalApiMethod {
  return Object.prototype.hasOwnProperty.call(TerminalApiSchema, name);
}

/** A failure as the API returns it. */
export function failure(status: number, error: EidError): { ok: false; error: ApiError; status: number } {
  return { ok: false, status, error: error.toJSON() };
}

export async function dispatch(api: GuardedApi, method: string, input: unknown): Promise<RpcOutcome> {
  if (!isApiMethod(method)) return failure(404, new EidError('UNKNOWN_METHOD', { method }));
  if (!admits(METHOD_ACCESS[method], () => api.counterState())) return failure(403, new EidError('SIGN_IN_REQUIRED'));
  const parsed = TerminalApiSchema[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(input)').join(', ');
    return failure(400, new EidError('INVALID_INPUT', { detail: where }));
  }
  try {
    const call = api[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, result: await call.call(api, parsed.data) };
  } catch (e) {
    if (isEidError(e)) return failure(422, e);
    // Unexpected failures are reported without their details, which may hold personal data.
    return failure(500, new EidError('INTERNAL_ERROR'));
  }
}

/** The live events a transport passes on, under EVENT_ACCESS: signed out, a counter with accounts gets status events only. */
export function subscribeAuthorised(api: GuardedApi, listener: (event: TerminalEvent) => void): () => void {
  return api.subscribe((event) => {
    if (admits(EVENT_ACCESS[event.type], () => api.counterState())) listener(event);
  });
}
