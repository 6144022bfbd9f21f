/**
 * The one call core/terminal needs: a running sync worker for the store's outbox and key-value
 * ports when the terminal is enrolled, or undefined (the status bar then shows idleSyncStatus).
 */
import { loadIdentity } from './identity.ts';
import type { KeyValuePort, OutboxPort } from './ports.ts';
import { RegistryClient, type RegistryClientOptions } from './registry-client.ts';
import { SyncWorker, type SyncWorkerOptions } from './sync-worker.ts';

export interface SyncPorts {
  readonly outbox: OutboxPort;
  readonly kv: KeyValuePort;
}

export type SyncServiceOptions = Omit<SyncWorkerOptions, 'outbox' | 'kv' | 'client' | 'registryKey'> & {
  readonly client?: RegistryClientOptions;
};

export function syncWorkerFor(ports: SyncPorts, options: SyncServiceOptions = {}): SyncWorker | undefined {
  const identity = loadIdentity(ports.kv);
  if (!identity) return undefined;
  const { client, ...rest } = options;
  return new SyncWorker({
    ...rest,
    outbox: ports.outbox,
    kv: ports.kv,
    client: new RegistryClient(identity.registryUrl, identity, client),
    registryKey: identity.registryKey,
  });
}
