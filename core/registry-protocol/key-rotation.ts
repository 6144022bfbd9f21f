/**
 * Hand-overs of the registry's trust-list key. When the registry moves to a new key, the old key
 * signs a statement naming the new one; the statements travel in every trust list's protected
 * header (`rotations`, oldest first). A terminal starts from the key it pinned at enrolment and
 * follows only statements signed by the key it holds at that step, so it ends on the key the
 * list is signed with, or the list is refused:
 *
 *   pinned K1, rotations [K1 -> K2 (signed K1), K2 -> K3 (signed K2)], list signed by K3: accepted, pin K3.
 *
 * Whoever holds an old key can still sign a hand-over for terminals pinned to it: rotation is for
 * planned key changes; a stolen key is answered by re-enrolling the terminals still pinned to it.
 */
import { concat, equal, utf8 } from '../bytes/bytes.ts';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from '../bytes/base64.ts';
import { ed25519Verify } from '../crypto/node-crypto.ts';
import { algOfSpki } from './terminal-key.ts';
import { jwsError } from './jws.ts';

export interface KeyRotation {
  /** SPKI DER of the key handing over. */
  readonly previous: Uint8Array;
  /** SPKI DER of the key taking over. */
  readonly next: Uint8Array;
  /** Ed25519 signature by `previous` over rotationStatement(previous, next). */
  readonly signature: Uint8Array;
}

/** What a trust-list signing key can do: sign. Its private half never leaves the key store. */
export interface TrustListSigner {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

/** The JSON form in the JWS header. */
export interface KeyRotationJson {
  readonly previous: string;
  readonly next: string;
  readonly signature: string;
}

const DOMAIN = utf8('eid-registry-key-rotation/1\n');
/** More hand-overs than any registry will make in its life; bounds the work a hostile header can ask. */
export const MAX_ROTATIONS = 64;

function statement(previous: Uint8Array, next: Uint8Array): Uint8Array {
  return concat(DOMAIN, Uint8Array.of(previous.length), previous, next);
}

export function signRotation(previous: TrustListSigner, next: Uint8Array): KeyRotation {
  return { previous: previous.publicKey, next, signature: previous.sign(statement(previous.publicKey, next)) };
}

export function rotationToJson(r: KeyRotation): KeyRotationJson {
  return { previous: toBase64(r.previous), next: toBase64(r.next), signature: toBase64Url(r.signature) };
}

export function rotationFromJson(value: unknown): KeyRotation | undefined {
  const o = value as Partial<Record<keyof KeyRotationJson, unknown>> | null;
  if (!o || typeof o.previous !== 'string' || typeof o.next !== 'string' || typeof o.signature !== 'string') return undefined;
  try {
    return { previous: fromBase64(o.previous), next: fromBase64(o.next), signature: fromBase64Url(o.signature) };
  } catch {
    return undefined;
  }
}

/** The key `pinned` leads to along the signed hand-overs (itself when none applies). */
export function followRotations(pinned: Uint8Array, rotations: readonly KeyRotation[]): Uint8Array {
  if (rotations.length > MAX_ROTATIONS) {
    throw jwsError('too many key rotations');
  }
  let current = pinned;
  for (const r of rotations) {
    if (!equal(r.previous, current)) continue;
    if (algOfSpki(r.next) !== 'ed25519' || !ed25519Verify(current, statement(r.previous, r.next), r.signature)) {
      throw jwsError('a key hand-over does not verify');
    }
    current = r.next;
  }
  return current;
}
