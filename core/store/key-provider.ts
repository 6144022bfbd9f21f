/**
 * The terminal's data-protection key: where it lives beside a data folder, and which provider
 * guards it (core/secrets/key-provider.ts: a 0600 key file, or the OS keystore through Electron's
 * safeStorage). Never in the database file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileKeyProvider, ProtectedKeyProvider, type KeyProvider, type SecretProtector } from '../secrets/key-provider.ts';

export { FileKeyProvider, ProtectedKeyProvider, MASTER_KEY_BYTES, type KeyProvider, type SecretProtector } from '../secrets/key-provider.ts';

/** Key file path for a data directory: its own folder, apart from the database. */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'store.key');
}

/** safeStorage when the shell offers a working one, a strict-permission key file otherwise. */
export function defaultKeyProvider(dataDir: string, protector?: SecretProtector): KeyProvider {
  // A key already in a plain file keeps being used: switching would orphan every sealed record.
  if (existsSync(keyFilePath(dataDir))) return new FileKeyProvider(keyFilePath(dataDir));
  if (protector?.isEncryptionAvailable()) return new ProtectedKeyProvider(join(dataDir, 'keys', 'store.key.protected'), protector);
  return new FileKeyProvider(keyFilePath(dataDir));
}
