/**
 * A terminal with the virtual reader (zero latency) and its integration API on a free loopback
 * port, with helpers to register clients, call the HTTP API, follow the WebSocket and read demo
 * cards. Not a test file itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { IntegrationScope } from '../../../core/api/integration-clients.ts';
import type { AccessKey } from '../../../core/api/terminal-api.ts';
import { IntegrationHub } from '../../../core/integration/hub.ts';
import { generateTerminalKey, type TerminalKeyAlg } from '../../../core/registry-protocol/terminal-key.ts';
import { saveIdentity } from '../../../core/sync/identity.ts';
import { createHost, type Host } from '../../../host/create-host.ts';
import { startIntegrationServer, type RunningIntegrationServer } from '../../../integration/server.ts';

export const SUPERVISOR = { operator: 'lan', pin: '2468' };

export interface Credentials {
  readonly id: string;
  readonly secret: string;
}

export interface Harness {
  readonly host: Host;
  readonly hub: IntegrationHub;
  readonly server: RunningIntegrationServer;
  /** The enrolled terminal's public key (SPKI DER), when enrolled. */
  readonly terminalKey: { terminalId: string; spkiDer: Uint8Array; alg: TerminalKeyAlg } | null;
  addClient(name: string, scopes: IntegrationScope[], origins?: string[]): Promise<Credentials>;
  http(path: string, init?: { method?: string; client?: Credentials; origin?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any }>;
  connect(client: Credentials): Promise<EventSocket>;
  /** Puts the demo card on the virtual reader and returns its key. */
  insertCard(profile?: string): Promise<AccessKey>;
  close(): Promise<void>;
}

export interface EventSocket {
  readonly ws: WebSocket;
  readonly messages: any[];
  /** The first message matching, waiting for it if needed. */
  next(pred: (m: any) => boolean, timeoutMs?: number): Promise<any>;
  send(message: unknown): void;
  closed: Promise<number>;
  close(): void;
}

export function basic(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.id}:${c.secret}`).toString('base64')}`;
}

export function followSocket(ws: WebSocket): Promise<EventSocket> {
  const messages: any[] = [];
  const waiters: { pred: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw));
    messages.push(m);
    for (const w of [...waiters]) if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('open', () => resolve({
      ws,
      messages,
      closed,
      next: (pred, timeoutMs = 20_000) => {
        const hit = messages.find(pred);
        if (hit) return Promise.resolve(hit);
        return new Promise((res, rej) => {
          const timer = setTimeout(() => rej(new Error('no such message in time')), timeoutMs);
          waiters.push({ pred, resolve: (m) => { clearTimeout(timer); res(m); } });
        });
      },
      send: (message) => ws.send(JSON.stringify(message)),
      close: () => ws.close(),
    }));
  });
}

export async function integrationHarness(options: { enrolled?: TerminalKeyAlg } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-integration-'));
  const host = await createHost({ dataDir, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin }, sync: false, virtualLatencyMs: 0 });
  await host.terminal.signIn(SUPERVISOR);
  let terminalKey: Harness['terminalKey'] = null;
  if (options.enrolled) {
    const key = generateTerminalKey(options.enrolled);
    const registryKey = generateTerminalKey('ed25519');
    saveIdentity(host.store.kv, { registryUrl: 'http://127.0.0.1:9', terminalId: 'T-0001', keyAlg: key.alg, privateKey: key.privateKey, registryKey: registryKey.spkiDer, registryKeyId: 'R1' });
    terminalKey = { terminalId: 'T-0001', spkiDer: key.spkiDer, alg: key.alg };
  }
  const hub = new IntegrationHub(host.terminal, host.store);
  await hub.start();
  const server = await startIntegrationServer({ hub, clients: host.store.integrationClients, port: 0 });
  const base = server.url;
  return {
    host,
    hub,
    server,
    terminalKey,
    async addClient(name, scopes, origins = []) {
      const { client, secret } = await host.terminal.addIntegrationClient({ ...SUPERVISOR, client: { name, scopes, origins } });
      return { id: client.id, secret };
    },
    async http(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.client) headers.authorization = basic(init.client);
      if (init.origin) headers.origin = init.origin;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined && { body: JSON.stringify(init.body) }) });
      const text = await r.text();
      return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : null };
    },
    connect(client) {
      return followSocket(new WebSocket(`ws://127.0.0.1:${server.port}/v1/events`, { headers: { authorization: basic(client) } }));
    },
    async insertCard(profile = 'cccd-2021') {
      const card = (await host.terminal.listDemoCards()).find((c) => c.profile === profile && c.variant === null)!;
      await host.terminal.insertDemoCard({ profile: card.profile, variant: null });
      return card.key;
    },
    async close() {
      await server.close();
      hub.stop();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
