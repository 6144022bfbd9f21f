/**
 * Where a data-protection master key lives: never in the database it protects. A file with 0600
 * permissions by default; wrapped by the OS keystore (Electron safeStorage: DPAPI, Keychain,
 * libsecret) when the shell supplies a SecretProtector. The terminal's records store and the
 * registry's store both take their key from a KeyProvider.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from '../crypto/node-crypto.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { isEidError } from '../errors.ts';
import { readSecretFile, writeSecretFile } from './private-files.ts';
import { secretsError } from './errors.ts';

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

function masterKey(text: string): Uint8Array {
  if (!/^[0-9A-Fa-f]{64}$/.test(text)) throw secretsError('KEY_FILE_INVALID');
  return fromHex(text);
}

/** Master key as hex in a file readable by the service account only. */
export class FileKeyProvider implements KeyProvider {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `key file ${path}`;
  }

  loadOrCreateKey(): Uint8Array {
    if (!existsSync(this.path)) writeSecretFile(this.path, toHex(randomBytes(MASTER_KEY_BYTES)) + '\n');
    return masterKey(readSecretFile(this.path));
  }
}

/** Master key encrypted by the OS keystore, stored as base64 in a 0600 file. */
export class ProtectedKeyProvider implements KeyProvider {
  readonly description: string;

  constructor(private readonly path: string, private readonly protector: SecretProtector) {
    this.description = `OS-protected key file ${path}`;
  }

  loadOrCreateKey(): Uint8Array {
    if (!this.protector.isEncryptionAvailable()) throw secretsError('KEY_PROTECTION_UNAVAILABLE');
    if (!existsSync(this.path)) {
      const wrapped = this.protector.encryptString(toHex(randomBytes(MASTER_KEY_BYTES)));
      writeSecretFile(this.path, Buffer.from(wrapped).toString('base64') + '\n');
    }
    let text: string;
    try {
      text = this.protector.decryptString(Buffer.from(readSecretFile(this.path), 'base64'));
    } catch (e) {
      if (isEidError(e, 'KEY_FILE_INSECURE')) throw e;
      throw secretsError('KEY_FILE_INVALID', undefined, e);
    }
    return masterKey(text);
  }
}
