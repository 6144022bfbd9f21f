/**
 * Which trust-list key the registry speaks for, announced in the store: the current public key
 * (what /v1/version shows and enrolment pins) and the signed hand-overs from every earlier key.
 * Only public halves are in the database; the private key stays in the SigningKeyStore of the
 * host that publishes. API nodes read the announcement, so they need no private key at all.
 *
 * At start: a database from before (its key in `settings`, where any reader could take it) hands
 * the key to the key store and forgets it; a store with no announcement announces the key store's
 * key (made on first start); a key store holding another key than the announced one is refused.
 */
import { EidError } from '../core/errors.ts';
import { fromBase64, toBase64 } from '../core/bytes/base64.ts';
import { rotationFromJson, rotationToJson, signRotation, type KeyRotation, type KeyRotationJson } from '../core/registry-protocol/key-rotation.ts';
import { registryKeyId } from '../core/registry-protocol/registry-key.ts';
import type { SigningKey, SigningKeyStore } from './signing-keys.ts';
import { FileSigningKeyStore } from './signing-keys.ts';
import type { RegistryStore } from './store/types.ts';

export interface TrustListKeys {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  /** Hand-overs from every earlier key, oldest first (the trust list's header carries them). */
  readonly rotations: readonly KeyRotation[];
}

const SETTING = 'registry.trustListKeys';
/** Where registries before this version kept the private key, in clear. */
const LEGACY_SETTING = 'registry.signingKey';

interface Announcement {
  readonly publicKey: string;
  readonly rotations: KeyRotationJson[];
}

function encode(publicKey: Uint8Array, rotations: readonly KeyRotation[]): string {
  return JSON.stringify({ publicKey: toBase64(publicKey), rotations: rotations.map(rotationToJson) } satisfies Announcement);
}

function decode(text: string): TrustListKeys {
  const a = JSON.parse(text) as Announcement;
  const publicKey = fromBase64(a.publicKey);
  return { keyId: registryKeyId(publicKey), publicKey, rotations: a.rotations.map((r) => rotationFromJson(r)!) };
}

export async function announcedKeys(store: RegistryStore): Promise<TrustListKeys | undefined> {
  const text = await store.getSetting(SETTING);
  return text === undefined ? undefined : decode(text);
}

function mismatch(keyStore: SigningKeyStore, keys: TrustListKeys): EidError {
  return new EidError('SIGNING_KEY_MISMATCH', { keyStore: keyStore.description, detail: `current key ${keys.keyId}` });
}

/** Moves the key of an older registry out of the database into the key store. */
async function migrateLegacyKey(store: RegistryStore, keyStore: SigningKeyStore): Promise<void> {
  const legacy = await store.getSetting(LEGACY_SETTING);
  if (legacy === undefined) return;
  const o = JSON.parse(legacy) as { privateKey: string; publicKey: string };
  if (!(keyStore instanceof FileSigningKeyStore)) throw new EidError('SIGNING_KEY_MIGRATION');
  keyStore.adopt(fromBase64(o.privateKey), fromBase64(o.publicKey));
  await store.setSettingIfAbsent(SETTING, encode(fromBase64(o.publicKey), []));
  await store.deleteSetting(LEGACY_SETTING);
  await store.forgetDeleted();
}

/** The announced keys after start-up; the key store's current key, if it has one, must be the announced one. */
export async function openTrustListKeys(store: RegistryStore, keyStore: SigningKeyStore): Promise<TrustListKeys> {
  await migrateLegacyKey(store, keyStore);
  const announced = await announcedKeys(store);
  if (announced) keyStore.settle(announced.keyId);
  const held = keyStore.current();
  if (announced) {
    if (held && held.keyId !== announced.keyId) throw mismatch(keyStore, announced);
    return announced;
  }
  const key = held ?? keyStore.create();
  const keys = decode(await store.setSettingIfAbsent(SETTING, encode(key.publicKey, [])));
  // Two nodes started on an empty database at once: the first announcement wins.
  if (keys.keyId !== key.keyId) throw mismatch(keyStore, keys);
  return keys;
}

/** What publishing needs: the announced keys and the key store's signer for the current one. */
export async function signingKeyFor(store: RegistryStore, keyStore: SigningKeyStore): Promise<{ keys: TrustListKeys; signer: SigningKey }> {
  const keys = await openTrustListKeys(store, keyStore);
  const signer = keyStore.current();
  if (!signer) {
    throw new EidError('SIGNING_KEY_MISSING', { keyStore: keyStore.description });
  }
  return { keys, signer };
}

/** A new current key; the previous one signs its hand-over, which joins the announcement. */
export async function rotateKeys(store: RegistryStore, keyStore: SigningKeyStore): Promise<{ keys: TrustListKeys; signer: SigningKey; previous: SigningKey }> {
  const { keys } = await signingKeyFor(store, keyStore);
  const { previous, next, commit } = keyStore.rotate();
  const rotations = [...keys.rotations, signRotation(previous, next.publicKey)];
  // Announced before the key store switches: a crash in between is settled at the next start.
  await store.setSetting(SETTING, encode(next.publicKey, rotations));
  commit();
  return { keys: { keyId: next.keyId, publicKey: next.publicKey, rotations }, signer: next, previous };
}
