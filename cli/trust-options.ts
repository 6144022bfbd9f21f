/** The trust store a command verifies against: shipped certs/, the data folder's imports, and --trust paths for this run. */
import { loadTrustPath, loadTrustStore, SHIPPED_CERTS_DIR, trustFolderOf, type LoadedTrustStore } from '../core/trust/store-folder.ts';

export function trustForRun(dataDir: string, extraPaths: readonly string[], now: Date): LoadedTrustStore {
  const loaded = loadTrustStore({ shipped: [SHIPPED_CERTS_DIR], userFolder: trustFolderOf(dataDir) }, now);
  for (const path of extraPaths) loadTrustPath(loaded.store, path, now);
  return loaded;
}
