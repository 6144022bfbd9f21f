/**
 * Encryption of personal fields at rest (AES-256-GCM) and the keyed blind indexes that keep them
 * searchable: an HMAC of the normalised ID number and of each word of the name. Separate keys
 * are derived from the master key for each job, so one index never reveals another.
 */
import { aesGcmOpen, aesGcmSeal, hash, hmac } from '../crypto/node-crypto.ts';
import { fromUtf8, utf8 } from '../bytes/bytes.ts';
import { MASTER_KEY_BYTES } from './key-provider.ts';
import { foldVietnamese } from '../mrz/card-words.ts';
import { storeError } from './errors.ts';

const NAME_TOKEN_BYTES = 16;
const MAX_NAME_TOKENS = 16;

function derive(master: Uint8Array, label: string): Uint8Array {
  return hmac('sha256', master, utf8(`eid-terminal/${label}`));
}

/** ID numbers as typed or read: spaces, dashes and MRZ fillers are not part of the number. */
export function normaliseIdNumber(id: string): string {
  return id.toUpperCase().replace(/[\s<\-.]/g, '');
}

/** Name words as the MRZ spells them (foldVietnamese): a name and its MRZ spelling give the same words. */
export function nameWords(name: string): string[] {
  const plain = foldVietnamese(name);
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_NAME_TOKENS);
}

export class FieldCipher {
  readonly #sealKey: Uint8Array;
  readonly #idKey: Uint8Array;
  readonly #nameKey: Uint8Array;
  /** Fingerprint of the master key, stored in the database to catch a wrong key at open. */
  readonly keyCheck: string;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw storeError('KEY_FILE_INVALID', 'master key length');
    this.#sealKey = derive(masterKey, 'personal-fields/v1');
    this.#idKey = derive(masterKey, 'id-number-index/v1');
    this.#nameKey = derive(masterKey, 'name-index/v1');
    this.keyCheck = Buffer.from(hash('sha256', derive(masterKey, 'key-check/v1'))).toString('hex').slice(0, 32);
  }

  /** JSON sealed to a record: the record id is the AAD, so a blob moved to another record fails. */
  seal(recordId: string, value: unknown): Uint8Array {
    return aesGcmSeal(this.#sealKey, utf8(JSON.stringify(value)), utf8(recordId));
  }

  open(recordId: string, sealed: Uint8Array): unknown {
    try {
      return JSON.parse(fromUtf8(aesGcmOpen(this.#sealKey, sealed, utf8(recordId))));
    } catch (e) {
      throw storeError('RECORD_DECRYPT_FAILED', undefined, e);
    }
  }

  /** Text sealed as it is (no JSON quoting): the outbox payloads, which are JSON already. */
  sealText(aad: string, text: string): Uint8Array {
    return aesGcmSeal(this.#sealKey, utf8(text), utf8(aad));
  }

  openText(aad: string, sealed: Uint8Array): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(aesGcmOpen(this.#sealKey, sealed, utf8(aad)));
    } catch (e) {
      throw storeError('RECORD_DECRYPT_FAILED', undefined, e);
    }
  }

  idHash(idNumber: string): Uint8Array {
    return hmac('sha256', this.#idKey, utf8(normaliseIdNumber(idNumber)));
  }

  nameTokens(name: string): Uint8Array[] {
    return nameWords(name).map((w) => hmac('sha256', this.#nameKey, utf8(w)).subarray(0, NAME_TOKEN_BYTES));
  }
}
