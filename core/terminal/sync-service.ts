/**
 * The terminal's connection to the registry: a sync worker once the terminal is enrolled, the
 * enrolment itself, and the trust list the registry publishes fed into the live trust store.
 */
import type { Store } from '../store/store.ts';
import { enrolTerminal } from '../sync/enrolment.ts';
import { loadIdentity, type TerminalIdentity } from '../sync/identity.ts';
import { syncWorkerFor } from '../sync/sync-service.ts';
import { idleSyncStatus, type SyncStatus } from '../sync/status.ts';
import type { SyncWorker } from '../sync/sync-worker.ts';
import { currentTrustList, decodeTrustList, verifyTrustList, type TrustListContents } from '../sync/trust-list.ts';

export class SyncService {
  #worker: SyncWorker | null = null;
  readonly #listeners = new Set<(s: SyncStatus) => void>();

  constructor(
    private readonly store: Pick<Store, 'outbox' | 'kv'>,
    private readonly onTrustList: (list: TrustListContents) => void,
  ) {}

  /** Starts syncing when the terminal is enrolled, after adopting the trust list it already holds. */
  start(): void {
    const identity = loadIdentity(this.store.kv);
    if (!identity) return;
    const held = currentTrustList(this.store.kv);
    if (held) this.onTrustList(decodeTrustList(verifyTrustList(held.jws, identity.registryKey)));
    this.#run();
  }

  async enrol(url: string, code: string, name: string): Promise<TerminalIdentity> {
    await this.stop();
    const identity = await enrolTerminal(this.store.kv, url, code, { name, force: true });
    this.#run();
    return identity;
  }

  status(): SyncStatus {
    return this.#worker?.status() ?? idleSyncStatus(this.store.outbox, this.store.kv);
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
    const worker = syncWorkerFor(this.store, { onTrustList: this.onTrustList });
    if (!worker) return;
    worker.onStatus((s) => {
      for (const l of this.#listeners) l(s);
    });
    this.#worker = worker;
    worker.start();
  }
}
