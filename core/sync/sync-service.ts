/**
 * The terminal's connection to the registry: a sync worker for the store's outbox and key-value
 * ports once the terminal is enrolled, the enrolment itself, and the trust list the registry
 * publishes handed to the live trust store. `syncWorkerFor` is the worker alone, for
 * `eid-terminal sync`, which runs without a terminal.
 */
import { verifyTrustList, type TrustListContents } from '../registry-protocol/signed-trust-list.ts';
import { enrolTerminal } from './enrolment.ts';
import { loadIdentity, type TerminalIdentity } from './identity.ts';
import type { KeyValuePort, OutboxPort } from './ports.ts';
import { RegistryClient, type RegistryClientOptions } from './registry-client.ts';
import { idleSyncStatus, type SyncStatus } from './status.ts';
import { SyncWorker, type SyncWorkerOptions } from './sync-worker.ts';
import { currentTrustList } from './trust-list.ts';

export interface SyncPorts {
  readonly outbox: OutboxPort;
  readonly kv: KeyValuePort;
  /** Face matches, each offered once its record is acknowledged (core/store's faceMatchOutbox). */
  readonly faceMatchOutbox?: OutboxPort;
}

export type SyncServiceOptions = Omit<SyncWorkerOptions, 'outbox' | 'kv' | 'client' | 'registryKey'> & {
  readonly client?: RegistryClientOptions;
};

/** A sync worker for the ports when the terminal is enrolled, else undefined (the status bar then shows idleSyncStatus). */
export function syncWorkerFor(ports: SyncPorts, options: SyncServiceOptions = {}): SyncWorker | undefined {
  const identity = loadIdentity(ports.kv);
  if (!identity) return undefined;
  const { client, ...rest } = options;
  return new SyncWorker({
    ...rest,
    outbox: ports.outbox,
    ...(ports.faceMatchOutbox ? { faceMatches: ports.faceMatchOutbox } : {}),
    kv: ports.kv,
    client: new RegistryClient(identity.registryUrl, identity, client),
    registryKey: identity.registryKey,
  });
}

export class SyncService {
  #worker: SyncWorker | null = null;
  readonly #listeners = new Set<(s: SyncStatus) => void>();

  constructor(
    private readonly ports: SyncPorts,
    private readonly onTrustList: (list: TrustListContents) => void,
  ) {}

  /** Starts syncing when the terminal is enrolled, after adopting the trust list it already holds. */
  start(): void {
    const identity = loadIdentity(this.ports.kv);
    if (!identity) return;
    const held = currentTrustList(this.ports.kv);
    if (held) this.onTrustList(verifyTrustList(held.jws, identity.registryKey));
    this.#run();
  }

  async enrol(url: string, code: string, name: string): Promise<TerminalIdentity> {
    await this.stop();
    const identity = await enrolTerminal(this.ports.kv, url, code, { name, force: true });
    this.#run();
    return identity;
  }

  status(): SyncStatus {
    return this.#worker?.status() ?? idleSyncStatus(this.ports.outbox, this.ports.kv, this.ports.faceMatchOutbox);
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A record was just stored: send it now rather than at the next poll. */
  wake(): void {
    this.#worker?.wake();
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.stop();
  }

  #run(): void {
    const worker = syncWorkerFor(this.ports, { onTrustList: this.onTrustList });
    if (!worker) return;
    worker.onStatus((s) => {
      for (const l of this.#listeners) l(s);
    });
    this.#worker = worker;
    worker.start();
  }
}
