/**
 * The one composition root: builds a running terminal from a data folder — the records store,
 * the trust store (shipped certs/ plus imports), the PC/SC readers, the virtual reader with the
 * demo cards, and the registry sync. The Electron kiosk, the web service and the tests all start
 * the terminal here.
 */
import type { KeyProvider } from '../core/store/key-provider.ts';
import { openStore, type Store } from '../core/store/store.ts';
import { loadTrustStore, SHIPPED_CERTS_DIR, trustFolderOf, type TrustFailure } from '../core/trust/store-folder.ts';
import { Terminal } from '../core/terminal/terminal.ts';
import { SyncService } from '../core/sync/sync-service.ts';
import { VirtualReader } from '../core/terminal/virtual-reader.ts';
import { pcscReaders } from './pcsc-readers.ts';

export interface HostOptions {
  readonly dataDir: string;
  /** Use the machine's PC/SC readers (when the binding loads; default off). */
  readonly pcsc?: boolean;
  /** Offer the built-in virtual reader with the demo cards. */
  readonly virtualReader?: boolean;
  /** Latency of the virtual chip per APDU, to show progress as a real card would. */
  readonly virtualLatencyMs?: number;
  /** First supervisor account, created only while the terminal has no operators at all. */
  readonly bootstrapSupervisor?: { readonly name: string; readonly pin: string };
  readonly keyProvider?: KeyProvider;
  /** Start syncing with the registry when enrolled (default true). */
  readonly sync?: boolean;
}

export interface Host {
  readonly terminal: Terminal;
  /** The records store the terminal runs on (the integration API reads its clients and audit log). */
  readonly store: Store;
  readonly virtualReader: VirtualReader | null;
  readonly trustFailures: readonly TrustFailure[];
  close(): Promise<void>;
}

export async function createHost(options: HostOptions): Promise<Host> {
  const pcsc = options.pcsc ? await pcscReaders() : [];
  const store = openStore({ dataDir: options.dataDir, ...(options.keyProvider && { keyProvider: options.keyProvider }) });
  if (options.bootstrapSupervisor && store.operators.count() === 0) {
    store.operators.add(options.bootstrapSupervisor.name, 'supervisor', options.bootstrapSupervisor.pin, null);
  }
  const trustFolder = trustFolderOf(options.dataDir);
  const trust = loadTrustStore({ shipped: [SHIPPED_CERTS_DIR], userFolder: trustFolder });
  const virtualReader = options.virtualReader === false ? null : new VirtualReader({ latencyMs: options.virtualLatencyMs ?? 0 });
  const readers = [...pcsc, ...(virtualReader ? [virtualReader] : [])];
  let terminal: Terminal | null = null;
  const sync = new SyncService(store, (list) => terminal?.adoptTrustList(list));
  terminal = new Terminal({ store, trust: trust.store, trustFolder, shippedTrustListDate: trust.shippedListDate, trustUpdatedAt: trust.userFolderChangedAt, readers, ...(virtualReader && { virtualReader }), sync });
  if (options.sync !== false) sync.start();
  const running = terminal;
  return {
    terminal: running,
    store,
    virtualReader,
    trustFailures: trust.failures,
    close: async () => {
      await running.close();
      store.close();
    },
  };
}
