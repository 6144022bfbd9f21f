/**
 * A loopback HTTP proxy in front of the registry that misbehaves on demand: answers 500/503 with
 * Retry-After without forwarding, forwards but drops the answer (the registry stored the batch,
 * the terminal never hears), or refuses the connection. It also captures requests for replay.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop-response' }
  | { kind: 'drop-request' }
  | { kind: 'status'; status: number; retryAfter?: string };

export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export class FaultProxy {
  readonly captured: CapturedRequest[] = [];
  /** Faults to apply to the next requests, in order; afterwards everything passes. */
  readonly script: Fault[] = [];
  forwarded = 0;
  private server: Server | undefined;
  url = '';

  constructor(private target: string) {}

  retarget(target: string): void {
    this.target = target;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        this.captured.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
        const fault = this.script.shift() ?? { kind: 'pass' };
        if (fault.kind === 'drop-request') return req.socket.destroy();
        if (fault.kind === 'status') {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (fault.retryAfter) headers['retry-after'] = fault.retryAfter;
          res.writeHead(fault.status, headers).end(JSON.stringify({ error: { code: 'INJECTED', message: 'injected fault' } }));
          return;
        }
        const up = httpRequest(this.target + (req.url ?? '/'), { method: req.method, headers: req.headers }, (upRes) => {
          const upChunks: Buffer[] = [];
          upRes.on('data', (c: Buffer) => upChunks.push(c));
          upRes.on('end', () => {
            this.forwarded++;
            if (fault.kind === 'drop-response') return req.socket.destroy();
            res.writeHead(upRes.statusCode ?? 502, upRes.headers).end(Buffer.concat(upChunks));
          });
        });
        up.on('error', () => req.socket.destroy());
        up.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Sends a captured request again, byte for byte, straight to `target`. */
export async function replay(target: string, r: CapturedRequest): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
  const res = await fetch(target + r.url, { method: r.method, headers, ...(r.body.length ? { body: new Uint8Array(r.body) } : {}) });
  return { status: res.status, body: await res.json().catch(() => null) };
}
