/**
 * The integration API's HTTP plumbing: loopback Host check (DNS rebinding), CORS and Chrome's
 * Private Network Access preflight answered for registered origins only, JSON bodies and errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isEidError } from '../core/errors.ts';

const MAX_BODY = 64 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

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
    send(res, 403, { error: { code: 'ORIGIN_NOT_ALLOWED', message: 'This origin is not registered on the terminal' } });
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
export function problem(e: unknown): { status: number; body: { error: { code: string; message: string } }; headers: Record<string, string> } {
  if (e instanceof HttpError) return { status: e.status, body: { error: { code: e.code, message: e.message } }, headers: e.headers };
  if (isEidError(e)) return { status: e.code === 'SCOPE_MISSING' ? 403 : 422, body: { error: { code: e.code, message: e.message } }, headers: {} };
  return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: 'Internal error' } }, headers: {} };
}

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new HttpError(400, 'INVALID_INPUT', 'The body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}
