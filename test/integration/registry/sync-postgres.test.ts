import { test } from 'node:test';
import { PostgresRegistryStore } from '../../../registry/store/postgres-store.ts';
import { registryScenarios } from './scenarios.ts';
import { startTestPostgres, type TestPostgres } from './postgres-server.ts';
import { skipUnlessCi } from '../../../fixtures/setup-skip.ts';

const pg: TestPostgres | undefined = await startTestPostgres();
process.on('exit', () => pg?.stop());

if (!pg) {
  // Under CI PostgreSQL is installed (Debian package), so its absence is a failure there.
  test('PostgreSQL store', { skip: skipUnlessCi({ suite: 'registry on PostgreSQL', missing: 'PostgreSQL is not installed', enable: 'sudo apt-get install postgresql' }) }, () => {
    throw new Error('PostgreSQL (initdb, pg_ctl) is required under CI');
  });
} else {
  registryScenarios('PostgreSQL store', async () => ({
    open: () => PostgresRegistryStore.open(pg.url),
    reopen: () => PostgresRegistryStore.open(pg.url),
    cleanup: async () => pg.stop(),
    multiNode: true,
  }));
}
