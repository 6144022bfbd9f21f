/**
 * One-time enrolment codes. The administrator reads the code once; the registry keeps only its
 * SHA-256, so a copy of the database does not let anyone enrol a terminal.
 */
import { hash, randomBytes, randomUUID } from '../core/crypto/node-crypto.ts';
import { utf8 } from '../core/bytes/bytes.ts';
import { toHex } from '../core/bytes/hex.ts';
import { algOfSpki } from '../core/registry-protocol/terminal-key.ts';
import { fromBase64 } from '../core/bytes/base64.ts';
import { HttpProblem } from './http-problem.ts';
import type { RegistryStore, TerminalRow } from './store/types.ts';

/** Crockford base32 without I, L, O, U: easy to read aloud and to type on a counter keyboard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DEFAULT_CODE_LIFETIME_MS = 24 * 60 * 60_000;

/** Case, dashes and spaces do not matter, and O/I/L typed for 0/1 are read as Crockford does. */
function codeHash(code: string): string {
  const normal = code.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return toHex(hash('sha256', utf8(normal))).toLowerCase();
}

/** 16 random symbols (80 bits) shown as XXXX-XXXX-XXXX-XXXX. */
export async function createEnrolmentCode(store: RegistryStore, now: Date, lifetimeMs = DEFAULT_CODE_LIFETIME_MS): Promise<{ code: string; expiresAt: string }> {
  const symbols = Array.from(randomBytes(16), (b) => ALPHABET[b & 31]).join('');
  const code = symbols.match(/.{4}/g)!.join('-');
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
  await store.createEnrolmentCode(codeHash(code), now.toISOString(), expiresAt);
  return { code, expiresAt };
}

/** Registers the terminal's public key if the code is valid and unused; returns the new terminal. */
export async function redeemEnrolmentCode(store: RegistryStore, code: string, publicKeyB64: string, name: string | undefined, now: Date): Promise<TerminalRow> {
  let spki: Uint8Array;
  try {
    spki = fromBase64(publicKeyB64);
  } catch {
    throw new HttpProblem(400, 'PUBLIC_KEY_INVALID', 'publicKey is not base64');
  }
  if (algOfSpki(spki) === undefined) {
    throw new HttpProblem(400, 'PUBLIC_KEY_INVALID', 'publicKey must be an Ed25519 or ECDSA P-256 SubjectPublicKeyInfo');
  }
  const terminal: TerminalRow = {
    id: `t-${randomUUID()}`, name: name ?? null, publicKey: publicKeyB64, enrolledAt: now.toISOString(), revokedAt: null,
  };
  if (!(await store.consumeEnrolmentCode(codeHash(code), now.toISOString(), terminal))) {
    throw new HttpProblem(403, 'ENROLMENT_CODE_INVALID', 'The enrolment code is unknown, used or expired');
  }
  return terminal;
}
