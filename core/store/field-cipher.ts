/**
 * Encryption of personal fields at rest (AES-256-GCM) and the keyed blind indexes that keep them
 * searchable: an HMAC of the normalised ID number and of each word of the name. Separate keys
 * are derived from the master key for each job, so one index never reveals another.
 */
import { hash, hmac } from '../crypto/node-crypto.ts';
import { concat, utf8 } from '../bytes/bytes.ts';
import { MASTER_KEY_BYTES } from '../secrets/key-provider.ts';
import { deriveKey as derive, SealingKey } from '../secrets/sealing.ts';
import { secretsError } from '../secrets/errors.ts';
import { foldVietnamese } from '../mrz/card-words.ts';
import { storeError } from './errors.ts';

const NAME_TOKEN_BYTES = 16;
/** A search of this many digits is the end of an ID number. */
export const ID_TAIL_LENGTHS = [4, 5, 6] as const;
const MAX_NAME_TOKENS = 16;

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
  readonly #sealKey: SealingKey;
  readonly #idKey: Uint8Array;
  readonly #nameKey: Uint8Array;
  readonly #operatorKey: Uint8Array;
  readonly #recordChainKey: Uint8Array;
  readonly #auditChainKey: Uint8Array;
  readonly #faceMatchChainKey: Uint8Array;
  /** Fingerprint of the master key, stored in the database to catch a wrong key at open. */
  readonly keyCheck: string;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw secretsError('KEY_FILE_INVALID', 'master key length');
    this.#sealKey = new SealingKey(masterKey, 'personal-fields/v1');
    this.#idKey = derive(masterKey, 'id-number-index/v1');
    this.#nameKey = derive(masterKey, 'name-index/v1');
    this.#operatorKey = derive(masterKey, 'operator-name/v1');
    this.#recordChainKey = derive(masterKey, 'record-chain/v1');
    this.#auditChainKey = derive(masterKey, 'audit-chain/v1');
    this.#faceMatchChainKey = derive(masterKey, 'face-match-chain/v1');
    this.keyCheck = Buffer.from(hash('sha256', derive(masterKey, 'key-check/v1'))).toString('hex').slice(0, 32);
  }

  /** JSON sealed to a record: the record id is the AAD, so a blob moved to another record fails. */
  seal(recordId: string, value: unknown): Uint8Array {
    return this.sealText(recordId, JSON.stringify(value));
  }

  open(recordId: string, sealed: Uint8Array): unknown {
    const text = this.openText(recordId, sealed);
    try {
      return JSON.parse(text);
    } catch (e) {
      throw storeError('RECORD_DECRYPT_FAILED', 'not JSON', e);
    }
  }

  /** Text sealed as it is (no JSON quoting): the outbox payloads, which are JSON already. */
  sealText(aad: string, text: string): Uint8Array {
    return this.#sealKey.seal(aad, text);
  }

  openText(aad: string, sealed: Uint8Array): string {
    try {
      return this.#sealKey.open(aad, sealed);
    } catch (e) {
      throw storeError('RECORD_DECRYPT_FAILED', undefined, e);
    }
  }

  idHash(idNumber: string): Uint8Array {
    return hmac('sha256', this.#idKey, utf8(normaliseIdNumber(idNumber)));
  }

  /** The key failed sign-ins are counted under: the same for every spelling the name lookup accepts. */
  operatorNameKey(name: string): Uint8Array {
    return hmac('sha256', this.#operatorKey, utf8(name.trim().normalize('NFC').toLowerCase()));
  }

  /** A record's keyed link: over the previous record's link and this record's hash (chain.ts). */
  recordMac(previous: Uint8Array, recordHash: Uint8Array): Uint8Array {
    return hmac('sha256', this.#recordChainKey, concat(previous, recordHash));
  }

  /** An audit event's keyed link: over the previous event's link and chain.ts auditLinkData. */
  auditMac(previous: Uint8Array, event: Uint8Array): Uint8Array {
    return hmac('sha256', this.#auditChainKey, concat(previous, event));
  }

  /** A face match's keyed link: over the previous face match's link and this one's hash (chain.ts faceMatchHash). */
  faceMatchMac(previous: Uint8Array, faceMatchHash: Uint8Array): Uint8Array {
    return hmac('sha256', this.#faceMatchChainKey, concat(previous, faceMatchHash));
  }

  nameTokens(name: string): Uint8Array[] {
    return nameWords(name).map((w) => hmac('sha256', this.#nameKey, utf8(w)).subarray(0, NAME_TOKEN_BYTES));
  }

  /**
   * Tokens of the ID number's last 4, 5 and 6 characters, kept with the name tokens: a clerk
   * searches by the end of a number. Prefixed so no name word can give the same token.
   */
  idTailTokens(idNumber: string): Uint8Array[] {
    const n = normaliseIdNumber(idNumber);
    return ID_TAIL_LENGTHS.filter((len) => n.length > len).map((len) => this.idTailToken(n.slice(-len)));
  }

  idTailToken(tail: string): Uint8Array {
    return hmac('sha256', this.#nameKey, utf8(`#id-tail:${normaliseIdNumber(tail)}`)).subarray(0, NAME_TOKEN_BYTES);
  }

  /** Every search token of a record's personal fields: its name words and its ID number's tails. */
  searchTokens(personal: { readonly fullName?: string; readonly idNumber?: string } | null): Uint8Array[] {
    return [...(personal?.fullName ? this.nameTokens(personal.fullName) : []), ...(personal?.idNumber ? this.idTailTokens(personal.idNumber) : [])];
  }
}
