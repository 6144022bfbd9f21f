/**
 * TerminalApi over HTTP + WebSocket on 127.0.0.1, for browser kiosks, development and end-to-end
 * tests. A per-launch token guards every call: programs send it as a bearer token, the kiosk page
 * holds it in an HttpOnly cookie it got for a one-time code (page-codes.ts), so it is never in a
 * URL. Host and Origin checks stop other web pages (DNS rebinding, cross-site requests) from
 * driving the terminal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GuardedApi } from '../core/api/method-access.ts';
import { randomBytes } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import { dispatch, subscribeAuthorised } from '../core/api/rpc-dispatch.ts';
import { EidError } from '../core/errors.ts';
import { COMMON_HEADERS, contentSecurityPolicy } from '../host/renderer-headers.ts';
import { sendHeartbeats } from './heartbeat.ts';
import { PageCodes, presentedTokens, sessionCookie, tokenMatches } from './page-codes.ts';
import { StaticFiles } from './static-files.ts';

export interface ServiceOptions {
  readonly api: GuardedApi;
  readonly port?: number;
  /** Folder of the built renderer (renderer/dist). */
  readonly staticDir: string;
  readonly token?: string;
  /** The clock one-time codes expire by (tests). */
  readonly now?: () => number;
}

export interface RunningService {
  /** `http://127.0.0.1:PORT`: the one origin the service answers to; no secret in it. */
  readonly origin: string;
  /** A new address to open the kiosk page at: a one-time code, exchanged for the session cookie. */
  openUrl(): string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY = 30 * 1024 * 1024;

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const token = options.token ?? toHex(randomBytes(24)).toLowerCase();
  const codes = new PageCodes(options.now);
  let port = 0;
  const host = (): string => `127.0.0.1:${port}`;
  const hostOk = (req: IncomingMessage): boolean => req.headers.host === host();
  const originOk = (req: IncomingMessage): boolean => req.headers.origin === undefined || req.headers.origin === `http://${host()}`;
  const tokenOk = (req: IncomingMessage): boolean => presentedTokens(req.headers, port).some((given) => tokenMatches(given, token));

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, error: EidError): void => send(res, status, { error: error.toJSON() });

  const readBody = (req: IncomingMessage): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          reject(new Error('too large'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => {
        try {
          resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
        } catch (e) {
          reject(e);
        }
      });
      req.on('error', reject);
    });

  const files = new StaticFiles(options.staticDir);
  const server = createServer((req, res) => {
    void (async () => {
      if (!hostOk(req)) return refuse(res, 421, new EidError('BAD_HOST'));
      const url = req.url ?? '/';
      const code = new URL(url, 'http://127.0.0.1').searchParams.get('code');
      if (req.method === 'GET' && code !== null) {
        const cookie = codes.redeem(code) ? { 'set-cookie': sessionCookie(port, token) } : {};
        res.writeHead(303, { ...COMMON_HEADERS, ...cookie, location: '/', 'cache-control': 'no-store' });
        return res.end();
      }
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, new EidError('METHOD_NOT_ALLOWED', { detail: 'use POST' }));
        if (!originOk(req)) return refuse(res, 403, new EidError('BAD_ORIGIN'));
        if (!tokenOk(req)) return refuse(res, 401, new EidError('UNAUTHORIZED'));
        let input: unknown;
        try {
          input = await readBody(req);
        } catch {
          return refuse(res, 400, new EidError('INVALID_INPUT', { detail: 'the body is not JSON' }));
        }
        const outcome = await dispatch(options.api, url.slice('/api/'.length), input);
        return outcome.ok ? send(res, 200, { result: outcome.result }) : send(res, outcome.status, { error: outcome.error });
      }
      if (req.method !== 'GET') return refuse(res, 405, new EidError('METHOD_NOT_ALLOWED'));
      const file = await files.respond(url, { acceptEncoding: req.headers['accept-encoding'], ifNoneMatch: req.headers['if-none-match'] });
      if (!file) return refuse(res, 404, new EidError('NOT_FOUND'));
      res.writeHead(file.status, { ...file.headers, ...COMMON_HEADERS, 'content-security-policy': contentSecurityPolicy([`http://${host()}`, `ws://${host()}`]) });
      res.end(file.body);
    })().catch(() => refuse(res, 500, new EidError('INTERNAL_ERROR')));
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostOk(req) || !originOk(req) || url.pathname !== '/events' || !tokenOk(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Each connection subscribes on its own, so a page that connects late, reconnects or
      // reloads first gets every reader's session as it stands.
      const unsubscribe = subscribeAuthorised(options.api, (event) => ws.send(JSON.stringify(event)));
      sockets.add(ws);
      sendHeartbeats(ws);
      ws.on('close', () => {
        unsubscribe();
        sockets.delete(ws);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host()}`,
    openUrl: () => `http://${host()}/?code=${codes.mint()}`,
    token,
    port,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
