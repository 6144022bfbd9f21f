/** Starts a registry: store, signing key, HTTP server. Used by the CLI, the tests and the bench. */
import type { FastifyInstance } from 'fastify';
import { openRegistryStore, type StoreLocation } from './open-store.ts';
import { loadOrCreateRegistryKey, type RegistryKey } from './registry-key.ts';
import { buildRegistryServer, type RegistryServerOptions } from './server.ts';
import type { RegistryStore } from './store/types.ts';

export interface RunningRegistry {
  readonly url: string;
  readonly port: number;
  readonly store: RegistryStore;
  readonly key: RegistryKey;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export interface StartOptions extends StoreLocation, Omit<RegistryServerOptions, 'store' | 'key'> {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** An already opened store (tests); otherwise opened from dataDir / postgresUrl. */
  readonly store?: RegistryStore;
}

export async function startRegistry(options: StartOptions): Promise<RunningRegistry> {
  const store = options.store ?? await openRegistryStore(options);
  const key = await loadOrCreateRegistryKey(store);
  const app = buildRegistryServer({ ...options, store, key });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port, store, key, app,
    async close() {
      await app.close();
      if (!options.store) await store.close();
    },
  };
}
