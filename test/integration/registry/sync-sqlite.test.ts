import { join } from 'node:path';
import { SqliteRegistryStore } from '../../../registry/store/sqlite-store.ts';
import { registryScenarios } from './scenarios.ts';
import { tempDir } from './registry-harness.ts';

registryScenarios('SQLite store', async () => {
  const dir = tempDir('eid-reg-sqlite-');
  const file = join(dir.path, 'registry.sqlite');
  return {
    open: async () => new SqliteRegistryStore(file),
    reopen: async () => new SqliteRegistryStore(file),
    cleanup: async () => dir.remove(),
    multiNode: false,
  };
});
