/**
 * The local integration API (integration/openapi.yaml, integration/asyncapi.yaml): HTTP and a
 * WebSocket of events on a loopback port of its own, apart from the kiosk's service and token.
 * Business applications authenticate as integration clients; the logic is core/integration's hub.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { IntegrationClient } from '../core/api/integration-clients.ts';
import { basicCredentials, originAllowed, Tickets } from '../core/integration/access.ts';
import type { IntegrationHub } from '../core/integration/hub.ts';
import { CommandSchema, VerificationRequestSchema, type Reply } from '../core/integration/messages.ts';
import type { IntegrationClients } from '../core/store/integration-clients.ts';
import { EidError } from '../core/errors.ts';
import { answerPreflight, corsHeaders, hostAllowed, originOf, problem, readJson, send } from './http.ts';

export interface IntegrationServerOptions {
  readonly hub: IntegrationHub;
  readonly clients: IntegrationClients;
  /** 0 lets the system choose (tests). */
  readonly port: number;
}

export interface RunningIntegrationServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** How long a client has to answer the closing handshake when the API stops. */
const CLOSE_GRACE_MS = 1000;

const RESULT_PATH = /^\/v1\/verifications\/([A-Za-z0-9._:-]{1,100})\/result$/;

export async function startIntegrationServer(options: IntegrationServerOptions): Promise<RunningIntegrationServer> {
  const { hub, clients } = options;
  const tickets = new Tickets();
  let port = 0;
  const registered = (origin: string | undefined): boolean => origin !== undefined && clients.list().some((c) => c.revokedAt === null && c.origins.includes(origin));

  const authenticate = (req: IncomingMessage, origin: string | undefined): IntegrationClient => {
    const credentials = basicCredentials(req.headers.authorization);
    const client = credentials && clients.authenticate(credentials.id, credentials.secret);
    // No WWW-Authenticate: a browser would open its own login dialog over the business application.
    if (!client) throw new EidError('UNAUTHORIZED', { detail: 'unknown client, wrong secret or revoked client' });
    if (!originAllowed(client, origin)) throw new EidError('ORIGIN_NOT_ALLOWED');
    return client;
  };

  const route = async (req: IncomingMessage, client: IntegrationClient, origin: string | undefined): Promise<[number, unknown]> => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/v1/status') return [200, await hub.status(client)];
    if (req.method === 'POST' && path === '/v1/tickets') return [201, tickets.issue(client.id, origin)];
    if (req.method === 'POST' && path === '/v1/verifications') {
      const parsed = VerificationRequestSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new EidError('INVALID_INPUT', { detail: parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ') });
      return [202, await hub.request(client, parsed.data)];
    }
    const m = RESULT_PATH.exec(path);
    if (req.method === 'GET' && m) {
      const result = hub.result(client, m[1]!);
      if (!result) throw new EidError('RESULT_NOT_FOUND');
      return ['state' in result && (result.state === 'waiting-for-card' || result.state === 'reading') ? 202 : 200, result];
    }
    throw new EidError('NOT_FOUND');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req, port)) {
      const p = problem(new EidError('BAD_HOST'));
      return send(res, p.status, p.body);
    }
    const origin = originOf(req);
    const known = registered(origin);
    if (req.method === 'OPTIONS') return answerPreflight(req, res, origin, known);
    const cors = corsHeaders(origin, known);
    try {
      if (origin && !known) throw new EidError('ORIGIN_NOT_ALLOWED');
      const [status, body] = await route(req, authenticate(req, origin), origin);
      send(res, status, body, cors);
    } catch (e) {
      const p = problem(e);
      send(res, p.status, p.body, cors);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  const refuseUpgrade = (socket: Duplex, status: string): void => {
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = originOf(req);
    if (!hostAllowed(req, port) || url.pathname !== '/v1/events') return refuseUpgrade(socket, '404 Not Found');
    let client: IntegrationClient | undefined;
    const ticket = url.searchParams.get('ticket');
    if (ticket) {
      const id = tickets.redeem(ticket, origin);
      client = id ? clients.active(id) : undefined;
      if (client && !originAllowed(client, origin)) client = undefined;
    } else {
      try {
        client = authenticate(req, origin);
      } catch {
        client = undefined;
      }
    }
    if (!client) return refuseUpgrade(socket, '401 Unauthorized');
    const clientId = client.id;
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      const { seq, detach } = hub.attach({
        clientId,
        send: (event) => ws.send(JSON.stringify(event)),
        // 4003: this client may not stay (revoked); 1001: the API is going away (turned off, the terminal stops).
        close: (reason) => ws.close(reason === 'stopping' ? 1001 : 4003, reason),
      });
      ws.send(JSON.stringify({ type: 'hello', data: { client: { id: clientId, name: client.name, scopes: client.scopes }, seq } }));
      ws.on('message', (raw) => void answerCommand(ws, clientId, String(raw)));
      ws.on('close', () => {
        detach();
        sockets.delete(ws);
      });
    });
  });

  const answerCommand = async (ws: WebSocket, clientId: string, raw: string): Promise<void> => {
    let correlationId: string | null = null;
    let reply: Reply;
    try {
      const parsed = CommandSchema.safeParse(parseJson(raw));
      if (!parsed.success) throw new EidError('INVALID_INPUT', { detail: 'not a command of this API' });
      correlationId = parsed.data.correlationId ?? null;
      const client = clients.active(clientId);
      if (!client) throw new EidError('UNAUTHORIZED', { detail: 'the client was revoked' });
      reply = parsed.data.type === 'status'
        ? { type: 'status.result', correlationId, data: await hub.status(client) }
        : { type: 'verification.request.accepted', correlationId, data: await hub.request(client, parsed.data.data) };
    } catch (e) {
      reply = { type: 'error', correlationId, error: problem(e).body.error };
    }
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new EidError('INTEGRATION_PORT_IN_USE', { port: options.port }) : e));
    server.listen(options.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // Each client is told why (1001) before its socket goes; one that does not answer is cut off.
      await Promise.all([...sockets].map((ws) => new Promise<void>((resolve) => {
        const cut = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
        ws.once('close', () => {
          clearTimeout(cut);
          resolve();
        });
        ws.close(1001, 'stopping');
      })));
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
