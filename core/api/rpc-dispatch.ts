/**
 * Transport-neutral dispatch of one TerminalApi call: validates the input with the contract's
 * schema, runs the method, and turns any failure into the `{ code, message, vi }` error shape.
 * The HTTP service and Electron's IPC both call this, so validation lives in one place.
 */
import { TerminalApiSchema, type TerminalApi, type TerminalApiMethod, type ApiError } from './terminal-api.ts';
import { isEidError } from '../errors.ts';

export type RpcOutcome = { ok: true; result: unknown } | { ok: false; error: ApiError; status: number };

export function isApiMethod(name: string): name is TerminalApiMethod {
  return Object.prototype.hasOwnProperty.call(TerminalApiSchema, name);
}

export async function dispatch(api: TerminalApi, method: string, input: unknown): Promise<RpcOutcome> {
  if (!isApiMethod(method)) {
    return { ok: false, status: 404, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${method}`, vi: `Không có chức năng ${method}` } };
  }
  const parsed = TerminalApiSchema[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(input)').join(', ');
    return { ok: false, status: 400, error: { code: 'INVALID_INPUT', message: `Invalid input: ${where}`, vi: `Thông tin nhập không hợp lệ: ${where}` } };
  }
  try {
    const call = api[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, result: await call.call(api, parsed.data) };
  } catch (e) {
    if (isEidError(e)) return { ok: false, status: 422, error: { code: e.code, message: e.message, vi: e.vi } };
    // Unexpected failures are reported without their details, which may hold personal data.
    return { ok: false, status: 500, error: { code: 'INTERNAL_ERROR', message: 'Internal error', vi: 'Lỗi hệ thống' } };
  }
}
