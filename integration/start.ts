/**
 * Runs the integration API beside a terminal built by host/, in the same process (the one
 * Terminal, the one flow), whenever core's integrationWanted says so: the `integrationApi` setting,
 * or, never set, an active client. A change made in this terminal (Settings) takes effect at once,
 * a revoked client's connections closed with it; one made by the CLI in another process at the
 * next look, within seconds. Every way of running
 * the terminal (the service, the Electron shell) starts it through startTerminal.
 */
import { createHost, type Host, type HostOptions } from '../host/create-host.ts';
import { IntegrationHub } from '../core/integration/hub.ts';
import { integrationWanted } from '../core/terminal/integration-api.ts';
import { EidError, isEidError } from '../core/errors.ts';
import { startIntegrationServer, type RunningIntegrationServer } from './server.ts';

export interface IntegrationOptions {
  readonly port: number;
  /** Told each time the API starts listening (the URL). */
  readonly onListening?: (url: string) => void;
  /** The API could not start (its port taken): the kiosk runs on without it. Told once per kind of failure. */
  readonly onError?: (e: EidError) => void;
  /** How often the terminal looks again for changes made by another process. */
  readonly recheckMs?: number;
}

export interface RunningIntegration {
  /** The server while it runs; null while the API is off. */
  readonly server: () => RunningIntegrationServer | null;
  /** Starts or stops the API now as the setting and the clients say. */
  recheck(): Promise<void>;
  close(): Promise<void>;
}

export async function runIntegration(host: Pick<Host, 'store' | 'terminal'>, options: IntegrationOptions): Promise<RunningIntegration> {
  let server: RunningIntegrationServer | null = null;
  let hub: IntegrationHub | null = null;
  let error: EidError | null = null;
  let closed = false;
  let work: Promise<void> = Promise.resolve();
  // Port 0 lets the system choose once; the API comes back on that port, where its clients look.
  let port = options.port;

  const start = async (): Promise<void> => {
    const next = new IntegrationHub(host.terminal, host.store);
    await next.start();
    try {
      server = await startIntegrationServer({ hub: next, clients: host.store.integrationClients, port });
    } catch (e) {
      next.stop();
      throw e;
    }
    hub = next;
    port = server.port;
    options.onListening?.(server.url);
  };
  const stop = async (): Promise<void> => {
    // A client revoked with the last one is told so (4003), the others that the API goes (1001).
    hub?.disconnectRevoked();
    hub?.stop();
    hub = null;
    const running = server;
    server = null;
    await running?.close();
  };
  const look = async (): Promise<void> => {
    if (closed || !integrationWanted(host.store)) return stop();
    if (server) return hub?.disconnectRevoked();
    await start();
  };
  // A look that fails (the port taken, the database busy) is reported, on the screen too, and the next one tries again.
  const apply = async (): Promise<void> => {
    try {
      await look();
      error = null;
    } catch (e) {
      const failure = isEidError(e) ? e : new EidError('INTERNAL_ERROR', { detail: e instanceof Error ? e.message : String(e) });
      if (error?.code !== failure.code) options.onError?.(failure);
      error = failure;
    }
  };
  // One change at a time, in order: a quick off-on-off ends off. Never rejects: a client added stays added.
  const recheck = (): Promise<void> => (work = work.then(apply));

  host.terminal.attachIntegration({
    get port() {
      return port;
    },
    state: () => ({ url: server?.url ?? null, error }),
    recheck,
  });
  const timer = setInterval(() => void recheck(), options.recheckMs ?? 5000);
  timer.unref();
  await recheck();
  return {
    server: () => server,
    recheck,
    close: async () => {
      clearInterval(timer);
      closed = true;
      await recheck();
    },
  };
}

export interface RunningTerminal {
  readonly host: Host;
  readonly integration: RunningIntegration;
  close(): Promise<void>;
}

/** The terminal (host/) with its integration API beside it: what every front end that runs the terminal starts. */
export async function startTerminal(hostOptions: HostOptions, integrationOptions: IntegrationOptions): Promise<RunningTerminal> {
  const host = await createHost(hostOptions);
  const integration = await runIntegration(host, integrationOptions);
  return {
    host,
    integration,
    close: async () => {
      await integration.close();
      await host.close();
    },
  };
}
