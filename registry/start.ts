/** Starts a registry: store and keys (open-store.ts), HTTP server. Used by the CLI, the tests and the bench. */
import type { FastifyInstance } from 'fastify';
import { openRegistry, type RegistryParts } from './open-store.ts';
import { buildRegistryServer, type RegistryServerOptions } from './server.ts';
import type { SigningKeyStore } from './signing-keys.ts';
import type { RegistryStore } from './store/types.ts';
import type { TrustListKeys } from './trust-list-keys.ts';

export interface RunningRegistry {
  readonly url: string;
  readonly port: number;
  readonly store: RegistryStore;
  /** The trust-list keys announced when it started. */
  readonly key: TrustListKeys;
  readonly keyStore: SigningKeyStore;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export interface StartOptions extends RegistryParts, Omit<RegistryServerOptions, 'store' | 'personal'> {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

export async function startRegistry(options: StartOptions): Promise<RunningRegistry> {
  const home = await openRegistry(options);
  const app = buildRegistryServer({ ...options, store: home.store, personal: home.personal });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port, store: home.store, key: home.keys, keyStore: home.keyStore, app,
    async close() {
      await app.close();
      if (!options.store) await home.store.close();
    },
  };
}
