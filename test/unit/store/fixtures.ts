/** Store tests' helpers: a temporary data folder and store, a settable clock, and the synthetic results of fixtures/. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '../../../core/store/store.ts';

export { ALICE, BOB, vnResult, type Person } from '../../../fixtures/verification-results.ts';

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
