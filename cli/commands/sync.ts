/** `eid-terminal sync`: push the outbox to the registry and pull the trust list (once, or until stopped). */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { requireIdentity } from '../../core/sync/identity.ts';
import { syncWorkerFor } from '../../core/sync/sync-service.ts';
import { openStore } from '../../core/store/store.ts';
import { print, printJson } from '../output.ts';

const USAGE = 'Usage: eid-terminal sync [--once] [--data-dir DIR] [--json]';

export const command: Command = {
  summary: 'send recorded verifications to the registry and fetch its trust list',
  async run(args) {
    const { values } = parseArgs({
      args, options: { once: { type: 'boolean' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      print(USAGE);
      return 0;
    }
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      requireIdentity(store.kv);
      const worker = syncWorkerFor(store)!;
      if (values.once) {
        const round = await worker.syncOnce(true);
        const status = worker.status();
        if (values.json) printJson({ ...round, status });
        else print(`sent ${round.sent}, acknowledged ${round.acknowledged}, rejected ${round.rejected}; trust list ${round.trustList}; ${status.pending} pending`);
        return 0;
      }
      worker.onStatus((s) => {
        if (!values.json) print(`${new Date().toISOString()} ${s.connectivity} pending=${s.pending} ${s.lastError ?? ''}`);
        else printJson(s);
      });
      worker.start();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await worker.stop();
      return 0;
    } finally {
      store.close();
    }
  },
};
