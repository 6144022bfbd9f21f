/** Opens the registry store: PostgreSQL when a URL is given, else SQLite in the data folder. */
import { join } from 'node:path';
import { PostgresRegistryStore } from './store/postgres-store.ts';
import { SqliteRegistryStore } from './store/sqlite-store.ts';
import type { RegistryStore } from './store/types.ts';

export interface StoreLocation {
  readonly dataDir: string;
  /** postgres://... ; also read from EID_REGISTRY_POSTGRES_URL by the CLI. */
  readonly postgresUrl?: string | undefined;
}

export function sqliteRegistryFile(dataDir: string): string {
  return join(dataDir, 'registry', 'registry.sqlite');
}

export async function openRegistryStore(where: StoreLocation): Promise<RegistryStore> {
  if (where.postgresUrl) return PostgresRegistryStore.open(where.postgresUrl);
  return new SqliteRegistryStore(sqliteRegistryFile(where.dataDir));
}
