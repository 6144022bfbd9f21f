/**
 * The registry's trust-list signing key, behind a small interface an HSM can implement
 * (PKCS#11: a key object found by label, C_Sign, C_GenerateKeyPair): a key signs and shows its
 * public half and id; nothing on the interface exports the private key. The file store keeps the
 * current key as PKCS#8 in a 0600 file outside the database (core/secrets), so a copy of the
 * database, or a local user who can read it, cannot sign a trust list.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519Sign, generateEd25519KeyPair } from '../core/crypto/node-crypto.ts';
import { fromBase64, toBase64 } from '../core/bytes/base64.ts';
import { EidError } from '../core/errors.ts';
import type { TrustListSigner } from '../core/registry-protocol/key-rotation.ts';
import { registryKeyId } from '../core/registry-protocol/registry-key.ts';
import { algOfSpki } from '../core/registry-protocol/terminal-key.ts';
import { readSecretFile, writeSecretFile } from '../core/secrets/private-files.ts';
import { secretsError } from '../core/secrets/errors.ts';

export type SigningKey = TrustListSigner;

export interface SigningKeyStore {
  /** Where the key lives, for messages; no secrets. */
  readonly description: string;
  /** The key that signs now; undefined before the first one is made. */
  current(): SigningKey | undefined;
  /** Makes the first key. */
  create(): SigningKey;
  /**
   * Makes a new key beside the current one: the previous key signs the hand-over, the registry
   * announces the new key, then `commit` makes it current (and the store forgets the previous).
   */
  rotate(): { previous: SigningKey; next: SigningKey; commit(): void };
  /** After a crash mid-rotation: keeps the pending key if it is the announced one, else drops it. */
  settle(announcedKeyId: string): void;
}

interface KeyFile {
  readonly alg: 'Ed25519';
  /** PKCS#8 DER, base64. */
  readonly privateKey: string;
  /** SubjectPublicKeyInfo DER, base64. */
  readonly publicKey: string;
  readonly createdAt: string;
}

export function signingKeyPath(registryDir: string): string {
  return join(registryDir, 'keys', 'trust-list-signing.key');
}

function signer(privateKeyDer: Uint8Array, publicKey: Uint8Array): SigningKey {
  return { keyId: registryKeyId(publicKey), publicKey, sign: (data) => ed25519Sign(privateKeyDer, data) };
}

export class FileSigningKeyStore implements SigningKeyStore {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `key file ${path}`;
  }

  current(): SigningKey | undefined {
    return this.#read(this.path);
  }

  #read(path: string): SigningKey | undefined {
    if (!existsSync(path)) return undefined;
    let file: KeyFile;
    try {
      file = JSON.parse(readSecretFile(path)) as KeyFile;
    } catch (e) {
      if (e instanceof EidError) throw e;
      throw secretsError('KEY_FILE_INVALID', path, e);
    }
    if (file.alg !== 'Ed25519' || typeof file.privateKey !== 'string' || typeof file.publicKey !== 'string') throw secretsError('KEY_FILE_INVALID', path);
    const publicKey = fromBase64(file.publicKey);
    if (algOfSpki(publicKey) !== 'ed25519') throw secretsError('KEY_FILE_INVALID', path);
    return signer(fromBase64(file.privateKey), publicKey);
  }

  create(): SigningKey {
    const existing = this.current();
    if (existing) return existing;
    const k = generateEd25519KeyPair();
    return this.adopt(k.privateKeyDer, k.spkiDer);
  }

  rotate(): { previous: SigningKey; next: SigningKey; commit(): void } {
    const previous = this.current();
    if (!previous) throw new EidError('SIGNING_KEY_MISSING', { keyStore: this.description });
    const k = generateEd25519KeyPair();
    const pending = `${this.path}.next`;
    writeSecretFile(pending, keyFile(k.privateKeyDer, k.spkiDer), true);
    return { previous, next: this.#read(pending)!, commit: () => renameSync(pending, this.path) };
  }

  settle(announcedKeyId: string): void {
    const pending = `${this.path}.next`;
    if (!existsSync(pending)) return;
    if (this.#read(pending)?.keyId === announcedKeyId) renameSync(pending, this.path);
    else rmSync(pending);
  }

  /** Takes a key made elsewhere (the database's, when an older registry is migrated). */
  adopt(privateKeyDer: Uint8Array, publicKey: Uint8Array): SigningKey {
    writeSecretFile(this.path, keyFile(privateKeyDer, publicKey));
    const written = this.current()!;
    if (written.keyId !== registryKeyId(publicKey)) {
      throw new EidError('SIGNING_KEY_MISMATCH', { keyStore: this.description, detail: 'it already holds another key' });
    }
    return written;
  }
}

function keyFile(privateKeyDer: Uint8Array, publicKey: Uint8Array): string {
  const file: KeyFile = { alg: 'Ed25519', privateKey: toBase64(privateKeyDer), publicKey: toBase64(publicKey), createdAt: new Date().toISOString() };
  return JSON.stringify(file) + '\n';
}
