/** Starts a registry on loopback with a fresh SQLite (or the given) store, and enrols terminals. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrolmentCode } from '../../../registry/enrolment-codes.ts';
import { startRegistry, type RunningRegistry, type StartOptions } from '../../../registry/start.ts';
import { SqliteRegistryStore } from '../../../registry/store/sqlite-store.ts';
import type { RegistryStore } from '../../../registry/store/types.ts';
import { enrolTerminal } from '../../../core/sync/enrolment.ts';
import { RegistryClient } from '../../../core/sync/registry-client.ts';
import { SyncWorker, type SyncWorkerOptions } from '../../../core/sync/sync-worker.ts';
import type { TerminalIdentity } from '../../../core/sync/identity.ts';
import { MemoryKv, MemoryOutbox } from '../../../fixtures/sync/memory-outbox.ts';

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function sqliteStore(dir: string): RegistryStore {
  return new SqliteRegistryStore(join(dir, 'registry.sqlite'));
}

/** One data folder for the keys (signing key, data key) of every registry this test process starts, restarts included. */
let keysDir: { path: string; remove(): void } | undefined;

export function testKeysDir(): string {
  if (!keysDir) {
    keysDir = tempDir('eid-reg-keys-');
    process.on('exit', () => keysDir?.remove());
  }
  return keysDir.path;
}

export async function start(store: RegistryStore, extra: Partial<StartOptions> = {}): Promise<RunningRegistry> {
  return startRegistry({ dataDir: testKeysDir(), store, ...extra });
}

export interface TestTerminal {
  readonly identity: TerminalIdentity;
  readonly kv: MemoryKv;
  readonly outbox: MemoryOutbox;
  client(url?: string, timeoutMs?: number): RegistryClient;
  worker(url?: string, extra?: Partial<SyncWorkerOptions>): SyncWorker;
}

export async function enrolTestTerminal(registry: RunningRegistry, name = 'counter 1'): Promise<TestTerminal> {
  const { code } = await createEnrolmentCode(registry.store, new Date());
  const kv = new MemoryKv();
  const identity = await enrolTerminal(kv, registry.url, code, { name });
  const outbox = new MemoryOutbox();
  const client = (url = registry.url, timeoutMs = 5000) => new RegistryClient(url, identity, { timeoutMs });
  return {
    identity, kv, outbox, client,
    worker: (url, extra = {}) => new SyncWorker({
      outbox, kv, client: client(url, 2000), registryKey: identity.registryKey, leaseMs: 3000,
      backoff: { baseMs: 20, capMs: 200, floorMs: 5 }, ...extra,
    }),
  };
}
