/**
 * Runs the integration API beside a terminal built by host/, in the same process (the one
 * Terminal, the one flow): off until the terminal has an integration client or the
 * `integrationApi` setting is `on`. A client added while the API is off (Settings, CLI in another
 * process) starts it within seconds.
 */
import type { Host } from '../host/create-host.ts';
import { IntegrationHub } from '../core/integration/hub.ts';
import { startIntegrationServer, type RunningIntegrationServer } from './server.ts';

export interface IntegrationOptions {
  readonly port: number;
  /** Told once the API listens (the URL). */
  readonly onListening?: (url: string) => void;
  /** The API could not start (its port taken): the kiosk runs on without it. */
  readonly onError?: (e: unknown) => void;
  /** How often a terminal without clients looks again. */
  readonly recheckMs?: number;
}

export interface RunningIntegration {
  /** The server once it runs; null while the API is off. */
  readonly server: () => RunningIntegrationServer | null;
  close(): Promise<void>;
}

export function integrationWanted(host: Pick<Host, 'store'>): boolean {
  return host.store.settings.get('integrationApi') === 'on' || host.store.integrationClients.activeCount() > 0;
}

export async function runIntegration(host: Pick<Host, 'store' | 'terminal'>, options: IntegrationOptions): Promise<RunningIntegration> {
  let server: RunningIntegrationServer | null = null;
  let hub: IntegrationHub | null = null;
  let starting: Promise<void> | null = null;
  const startNow = async (): Promise<void> => {
    hub = new IntegrationHub(host.terminal, host.store);
    await hub.start();
    server = await startIntegrationServer({ hub, clients: host.store.integrationClients, port: options.port });
    options.onListening?.(server.url);
  };
  const check = (): void => {
    if (!starting && integrationWanted(host)) starting = startNow().catch((e: unknown) => options.onError?.(e));
  };
  check();
  const timer = setInterval(check, options.recheckMs ?? 5000);
  timer.unref();
  await starting;
  return {
    server: () => server,
    close: async () => {
      clearInterval(timer);
      await starting?.catch(() => undefined);
      hub?.stop();
      await server?.close();
    },
  };
}
