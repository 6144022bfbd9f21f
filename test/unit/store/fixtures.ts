/** Store tests' helpers: a temporary data folder and store, a settable clock, and the synthetic results of fixtures/. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '../../../core/store/store.ts';
import { saveIdentity } from '../../../core/sync/identity.ts';
import { generateEd25519KeyPair } from '../../../core/crypto/node-crypto.ts';
import { registryKeyId } from '../../../core/registry-protocol/registry-key.ts';

export { ALICE, BOB, vnResult, type Person } from '../../../fixtures/verification-results.ts';

/** Marks the store's terminal as enrolled with a registry (its own key and a registry key pinned), as `enrol` would. */
export function enrolWithRegistry(store: Store): void {
  const registry = generateEd25519KeyPair();
  saveIdentity(store.kv, {
    registryUrl: 'https://registry.example',
    terminalId: 'terminal-under-test',
    keyAlg: 'ed25519',
    privateKey: generateEd25519KeyPair().privateKeyDer,
    registryKey: registry.spkiDer,
    registryKeyId: registryKeyId(registry.spkiDer),
  });
}

export interface TempStore {
  readonly dir: string;
  readonly store: Store;
  reopen(options?: Partial<OpenStoreOptions>): Store;
  cleanup(): void;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'eid-store-'));
}

/** A store in a fresh folder; `now` is a settable clock. */
export function tempStore(options: Partial<OpenStoreOptions> = {}): TempStore {
  const dir = tempDir();
  let store = openStore({ dataDir: dir, ...options });
  return {
    dir,
    get store() {
      return store;
    },
    reopen(more = {}) {
      store.close();
      store = openStore({ dataDir: dir, ...options, ...more });
      return store;
    },
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export class Clock {
  constructor(public ms: number) {}
  readonly now = (): Date => new Date(this.ms);
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
}
