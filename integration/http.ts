/**
 * The integration API's HTTP plumbing: loopback Host check (DNS rebinding), CORS and Chrome's
 * Private Network Access preflight answered for registered origins only, JSON bodies and errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../core/api/messages.ts';
import { EidError, isEidError } from '../core/errors.ts';
import type { ErrorCode } from '../core/messages/catalogue.ts';

const MAX_BODY = 64 * 1024;

/** The HTTP status of each refusal the API gives; any other EidError is a request that cannot be done (422). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  ORIGIN_NOT_ALLOWED: 403,
  SCOPE_MISSING: 403,
  NOT_FOUND: 404,
  RESULT_NOT_FOUND: 404,
  REQUEST_TOO_LARGE: 413,
  BAD_HOST: 421,
  INTERNAL_ERROR: 500,
};

/** Only the loopback names of this port: a DNS name rebound to 127.0.0.1 carries its own Host. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(req.headers.host ?? '');
}

/** The page's origin, when the request comes from one ('null' origins count as a page that is never registered). */
export function originOf(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' ? origin : undefined;
}

/** CORS answer headers for a registered origin; none for anyone else, so the browser blocks the page. */
export function corsHeaders(origin: string | undefined, registered: boolean): Record<string, string> {
  if (!origin || !registered) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** The preflight (OPTIONS) of a cross-origin request, with Private Network Access when asked. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, origin: string | undefined, registered: boolean): void {
  if (!origin || !registered) {
    const p = problem(new EidError('ORIGIN_NOT_ALLOWED'));
    send(res, p.status, p.body);
    return;
  }
  const headers: Record<string, string> = {
    ...corsHeaders(origin, registered),
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
  };
  if (req.headers['access-control-request-private-network'] === 'true') headers['access-control-allow-private-network'] = 'true';
  res.writeHead(204, headers);
  res.end();
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(JSON.stringify(body));
}

/** An error as the API's Problem body; unexpected failures say nothing of their details (personal data). */
export function problem(e: unknown): { status: number; body: { error: ApiError } } {
  const error = isEidError(e) ? e : new EidError('INTERNAL_ERROR');
  return { status: STATUS[error.code] ?? 422, body: { error: error.toJSON() } };
}

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new EidError('REQUEST_TOO_LARGE'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new EidError('INVALID_INPUT', { detail: 'the body is not JSON' }));
      }
    });
    req.on('error', reject);
  });
}
