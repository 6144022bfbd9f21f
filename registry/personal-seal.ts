/**
 * Personal fields of stored records (what a purpose profile sends: names, ID numbers, addresses)
 * are sealed at rest with the registry's data key, kept outside the database like the terminal
 * keeps its own (core/secrets). The payload column keeps the record with `personal` set to null
 * in its place, so the rest stays queryable; `payloadOf` puts the fields back and gives the
 * record exactly as the terminal sent it.
 */
import { deriveKey, SealingKey } from '../core/secrets/sealing.ts';
import { hash } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import { EidError } from '../core/errors.ts';
import type { RegistryStore, StoredRecord } from './store/types.ts';

const SEALED_MARK = 'registry.personalSealed';
const KEY_CHECK = 'registry.dataKeyCheck';
const PAGE = 500;

export class PersonalSeal {
  readonly #key: SealingKey;
  /** Fingerprint of the data key, kept in the store to catch a node started with another key. */
  readonly keyCheck: string;

  constructor(masterKey: Uint8Array) {
    this.#key = new SealingKey(masterKey, 'registry-personal-fields/v1');
    this.keyCheck = toHex(hash('sha256', deriveKey(masterKey, 'registry-key-check/v1'))).slice(0, 32).toLowerCase();
  }

  /** The record as stored: its JSON without the personal fields, and the fields sealed to its id. */
  split(id: string, raw: Readonly<Record<string, unknown>>): { payload: string; personal: Uint8Array | null } {
    const personal = raw.personal;
    if (personal === null || typeof personal !== 'object') return { payload: JSON.stringify(raw), personal: null };
    // Spread keeps `personal` where the terminal put it, so payloadOf gives back the same JSON.
    return { payload: JSON.stringify({ ...raw, personal: null }), personal: this.#key.seal(`record/${id}`, JSON.stringify(personal)) };
  }

  /** The record JSON exactly as the terminal sent it. */
  payloadOf(record: Pick<StoredRecord, 'id' | 'payload' | 'personal'>): string {
    if (record.personal === null) return record.payload;
    const o = JSON.parse(record.payload) as Record<string, unknown>;
    o.personal = JSON.parse(this.#key.open(`record/${record.id}`, record.personal));
    return JSON.stringify(o);
  }
}

/** Checks the data key against the store (first start: records it). */
export async function checkDataKey(store: RegistryStore, seal: PersonalSeal): Promise<void> {
  const stored = await store.setSettingIfAbsent(KEY_CHECK, seal.keyCheck);
  if (stored !== seal.keyCheck) {
    throw new EidError('DATA_KEY_MISMATCH');
  }
}

/** Once per database: records stored in clear by an older registry get their personal fields sealed. */
export async function sealStoredPersonal(store: RegistryStore, seal: PersonalSeal): Promise<number> {
  if ((await store.getSetting(SEALED_MARK)) !== undefined) return 0;
  let after = '';
  let sealed = 0;
  for (;;) {
    const page = await store.listUnsealed(after, PAGE);
    for (const r of page) {
      const { payload, personal } = seal.split(r.id, JSON.parse(r.payload) as Record<string, unknown>);
      if (personal !== null) {
        await store.sealRecord(r.id, payload, personal);
        sealed++;
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  await store.setSettingIfAbsent(SEALED_MARK, 'v1');
  if (sealed > 0) await store.forgetDeleted();
  return sealed;
}
