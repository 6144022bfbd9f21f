/**
 * Opens a registry: its store (PostgreSQL when a URL is given, else SQLite in the data folder),
 * the trust-list key store and the data key (both files in <data dir>/registry/keys/, never in
 * the database), and brings an older database up to date: its signing key moved out, personal
 * fields sealed.
 */
import { join } from 'node:path';
import { FileKeyProvider, type KeyProvider } from '../core/secrets/key-provider.ts';
import { ensurePrivateDir } from '../core/secrets/private-files.ts';
import { checkDataKey, PersonalSeal, sealStoredPersonal } from './personal-seal.ts';
import { FileSigningKeyStore, signingKeyPath, type SigningKeyStore } from './signing-keys.ts';
import { openTrustListKeys, type TrustListKeys } from './trust-list-keys.ts';
import { PostgresRegistryStore } from './store/postgres-store.ts';
import { SqliteRegistryStore } from './store/sqlite-store.ts';
import type { RegistryStore } from './store/types.ts';

export interface StoreLocation {
  readonly dataDir: string;
  /** postgres://... ; also read from EID_REGISTRY_POSTGRES_URL by the CLI. */
  readonly postgresUrl?: string | undefined;
}

export interface RegistryParts extends StoreLocation {
  /** An already opened store (tests); otherwise opened from dataDir / postgresUrl. */
  readonly store?: RegistryStore;
  /** Default: the key file <data dir>/registry/keys/trust-list-signing.key. */
  readonly keyStore?: SigningKeyStore;
  /** Default: the key file <data dir>/registry/keys/data.key. */
  readonly dataKey?: KeyProvider;
}

export interface RegistryHome {
  readonly store: RegistryStore;
  readonly keyStore: SigningKeyStore;
  /** The trust-list keys the store announces (current public key and hand-overs). */
  readonly keys: TrustListKeys;
  readonly personal: PersonalSeal;
}

export function registryDir(dataDir: string): string {
  return join(dataDir, 'registry');
}

export function sqliteRegistryFile(dataDir: string): string {
  return join(registryDir(dataDir), 'registry.sqlite');
}

export async function openRegistry(where: RegistryParts): Promise<RegistryHome> {
  const dir = registryDir(where.dataDir);
  ensurePrivateDir(dir);
  const keyStore = where.keyStore ?? new FileSigningKeyStore(signingKeyPath(dir));
  const personal = new PersonalSeal((where.dataKey ?? new FileKeyProvider(join(dir, 'keys', 'data.key'))).loadOrCreateKey());
  const store = where.store ?? (where.postgresUrl ? await PostgresRegistryStore.open(where.postgresUrl) : new SqliteRegistryStore(sqliteRegistryFile(where.dataDir)));
  try {
    await checkDataKey(store, personal);
    await sealStoredPersonal(store, personal);
    return { store, keyStore, keys: await openTrustListKeys(store, keyStore), personal };
  } catch (e) {
    if (!where.store) await store.close();
    throw e;
  }
}
