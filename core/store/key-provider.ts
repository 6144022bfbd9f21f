/**
 * Where the data-protection master key lives: never in the database file. A file with 0600
 * permissions beside it by default; wrapped by the OS keystore (Electron safeStorage: DPAPI,
 * Keychain, libsecret) when the shell supplies a SecretProtector.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from '../crypto/node-crypto.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { storeError } from './errors.ts';

export const MASTER_KEY_BYTES = 32;

export interface KeyProvider {
  /** Human-readable, no secrets: e.g. "key file /var/lib/eid/keys/store.key". */
  readonly description: string;
  /** The 32-byte master key, created on first use. */
  loadOrCreateKey(): Uint8Array;
}

/** The shape of Electron's safeStorage, so the Electron shell can pass it straight in. */
export interface SecretProtector {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
}

function isPosix(): boolean {
  return process.platform !== 'win32';
}

/** Writes via a temporary file and rename, so a crash never leaves a half-written key. */
function writeSecretFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600, flag: 'w' });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isPosix()) chmodSync(tmp, 0o600);
  // Another process may have created the key meanwhile; keep the first one.
  if (existsSync(path)) {
    unlinkSync(tmp);
    return;
  }
  renameSync(tmp, path);
}

function checkPermissions(path: string): void {
  if (!isPosix()) return;
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) throw storeError('KEY_FILE_INSECURE', `mode ${mode.toString(8)}`);
}

function readSecretFile(path: string): string {
  checkPermissions(path);
  return readFileSync(path, 'utf8').trim();
}

/** Master key as hex in a file readable by the terminal account only. */
export class FileKeyProvider implements KeyProvider {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `key file ${path}`;
  }

  loadOrCreateKey(): Uint8Array {
    if (!existsSync(this.path)) writeSecretFile(this.path, toHex(randomBytes(MASTER_KEY_BYTES)) + '\n');
    const text = readSecretFile(this.path);
    if (!/^[0-9A-Fa-f]{64}$/.test(text)) throw storeError('KEY_FILE_INVALID');
    return fromHex(text);
  }
}

/** Master key encrypted by the OS keystore, stored as base64 in a 0600 file. */
export class ProtectedKeyProvider implements KeyProvider {
  readonly description: string;

  constructor(private readonly path: string, private readonly protector: SecretProtector) {
    this.description = `OS-protected key file ${path}`;
  }

  loadOrCreateKey(): Uint8Array {
    if (!this.protector.isEncryptionAvailable()) throw storeError('KEY_PROTECTION_UNAVAILABLE');
    if (!existsSync(this.path)) {
      const wrapped = this.protector.encryptString(toHex(randomBytes(MASTER_KEY_BYTES)));
      writeSecretFile(this.path, Buffer.from(wrapped).toString('base64') + '\n');
    }
    let text: string;
    try {
      text = this.protector.decryptString(Buffer.from(readSecretFile(this.path), 'base64'));
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'KEY_FILE_INSECURE') throw e;
      throw storeError('KEY_FILE_INVALID', undefined, e);
    }
    if (!/^[0-9A-Fa-f]{64}$/.test(text)) throw storeError('KEY_FILE_INVALID');
    return fromHex(text);
  }
}

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
