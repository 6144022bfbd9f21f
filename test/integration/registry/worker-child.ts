/**
 * A terminal's sync worker as its own process, so a test can SIGKILL it mid-batch.
 * argv: OUTBOX_FILE REGISTRY_URL. Prints "done" when the outbox is empty.
 */
import { requireIdentity } from '../../../core/sync/identity.ts';
import { RegistryClient } from '../../../core/sync/registry-client.ts';
import { SyncWorker } from '../../../core/sync/sync-worker.ts';
import { SqliteTestOutbox } from '../../../fixtures/sync/sqlite-outbox.ts';

const [file, url] = process.argv.slice(2);
const outbox = new SqliteTestOutbox(file!);
const identity = requireIdentity(outbox);
const worker = new SyncWorker({
  outbox, kv: outbox, client: new RegistryClient(url!, identity, { timeoutMs: 1000 }), registryKey: identity.registryKey,
  batchSize: 50, leaseMs: 1500, idleMs: 50, backoff: { baseMs: 20, capMs: 200, floorMs: 5 },
});
worker.onStatus((s) => {
  if (s.pending === 0) {
    console.log('done');
    void worker.stop().then(() => outbox.close());
  }
});
worker.start();
