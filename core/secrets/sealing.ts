/**
 * Sealing data at rest with keys derived from one master key (HMAC-SHA-256 over a label, so one
 * derived key never reveals another): AES-256-GCM, with the place a value belongs to as AAD so a
 * sealed value moved elsewhere (another record, another column) no longer opens.
 */
import { aesGcmOpen, aesGcmSeal, hmac } from '../crypto/node-crypto.ts';
import { utf8 } from '../bytes/bytes.ts';
import { secretsError } from './errors.ts';

export function deriveKey(master: Uint8Array, label: string): Uint8Array {
  return hmac('sha256', master, utf8(`eid-terminal/${label}`));
}

export class SealingKey {
  readonly #key: Uint8Array;

  constructor(master: Uint8Array, label: string) {
    this.#key = deriveKey(master, label);
  }

  seal(aad: string, text: string): Uint8Array {
    return aesGcmSeal(this.#key, utf8(text), utf8(aad));
  }

  /** The text sealed for `aad`; SEALED_DATA_INVALID for a wrong key, another place or altered bytes. */
  open(aad: string, sealed: Uint8Array): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(aesGcmOpen(this.#key, sealed, utf8(aad)));
    } catch (e) {
      throw secretsError('SEALED_DATA_INVALID', undefined, e);
    }
  }
}
