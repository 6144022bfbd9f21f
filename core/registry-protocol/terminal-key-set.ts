/**
 * The registry's published terminal keys (GET /v1/terminal-keys): every enrolled terminal's public
 * key as a JWK (RFC 7517; OKP Ed25519 per RFC 8037, EC P-256 per RFC 7518) with the terminal id as
 * `kid` and the revocation time when the registry revoked it. Saved to a file, the set lets a
 * back office check signed verification results offline.
 */
import { z } from 'zod';
import { concat } from '../bytes/bytes.ts';
import { fromBase64Url, toBase64Url } from '../bytes/base64.ts';
import { algOfSpki, ED25519_SPKI_PREFIX, P256_SPKI_PREFIX, type TerminalKeyAlg } from './terminal-key.ts';

export const TERMINAL_KEY_SET_FORMAT = 'eid-terminal-keys/1';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

export const TerminalJwkSchema = z.discriminatedUnion('kty', [
  z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: b64url, alg: z.literal('EdDSA'), kid: z.string(), use: z.literal('sig'), name: z.string().nullable(), enrolledAt: z.string(), revokedAt: z.string().nullable() }),
  z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url, y: b64url, alg: z.literal('ES256'), kid: z.string(), use: z.literal('sig'), name: z.string().nullable(), enrolledAt: z.string(), revokedAt: z.string().nullable() }),
]);
export type TerminalJwk = z.infer<typeof TerminalJwkSchema>;

export const TerminalKeySetSchema = z.object({
  format: z.literal(TERMINAL_KEY_SET_FORMAT),
  issuedAt: z.string(),
  keys: z.array(TerminalJwkSchema),
});
export type TerminalKeySet = z.infer<typeof TerminalKeySetSchema>;

/** JWS `alg` of each terminal key algorithm. */
export const JWS_ALG: Readonly<Record<TerminalKeyAlg, 'EdDSA' | 'ES256'>> = { ed25519: 'EdDSA', 'ecdsa-p256-sha256': 'ES256' };

export interface TerminalKeyEntry {
  readonly terminalId: string;
  readonly name: string | null;
  readonly spkiDer: Uint8Array;
  readonly enrolledAt: string;
  readonly revokedAt: string | null;
}

/** A terminal's public key as a JWK entry of the set; undefined for a key of another kind. */
export function terminalJwk(entry: TerminalKeyEntry): TerminalJwk | undefined {
  const meta = { kid: entry.terminalId, use: 'sig' as const, name: entry.name, enrolledAt: entry.enrolledAt, revokedAt: entry.revokedAt };
  const alg = algOfSpki(entry.spkiDer);
  if (alg === 'ed25519') return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(entry.spkiDer.subarray(12)), alg: 'EdDSA', ...meta };
  if (alg === 'ecdsa-p256-sha256') {
    const point = entry.spkiDer.subarray(26);
    return { kty: 'EC', crv: 'P-256', x: toBase64Url(point.subarray(1, 33)), y: toBase64Url(point.subarray(33, 65)), alg: 'ES256', ...meta };
  }
  return undefined;
}

/** The SubjectPublicKeyInfo DER of a set entry (what core/registry-protocol/terminal-key.ts verifies with). */
export function spkiOfJwk(jwk: TerminalJwk): Uint8Array {
  if (jwk.kty === 'OKP') return concat(ED25519_SPKI_PREFIX, fromBase64Url(jwk.x));
  return concat(P256_SPKI_PREFIX, Uint8Array.of(4), fromBase64Url(jwk.x), fromBase64Url(jwk.y));
}

export function terminalKeySet(entries: readonly TerminalKeyEntry[], issuedAt: Date): TerminalKeySet {
  return { format: TERMINAL_KEY_SET_FORMAT, issuedAt: issuedAt.toISOString(), keys: entries.flatMap((e) => terminalJwk(e) ?? []) };
}
