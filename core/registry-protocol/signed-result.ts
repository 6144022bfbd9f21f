/**
 * Signed verification results: a compact JWS (RFC 7515) over the result's claims, signed with the
 * terminal's enrolled key (EdDSA/Ed25519 or ES256/P-256, the key the registry knows), so a back
 * office can prove which counter verified what, when, with which verdict. Produced and checked
 * with `jose`, which runs on the runtime's WebCrypto: both algorithms are among what Electron's
 * BoringSSL provides (docs/reference/integration.md, "Signed results").
 */
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, importPKCS8, type CryptoKey } from 'jose';
import { z } from 'zod';
import { bytesToBigInt, fromUtf8, utf8 } from '../bytes/bytes.ts';
import { toBase64, toBase64Url } from '../bytes/base64.ts';
import { curveByName, encodePoint } from '../crypto/ec/index.ts';
import type { TerminalKeyAlg } from './terminal-key.ts';
import { JWS_ALG, type TerminalKeySet } from './terminal-key-set.ts';

export const SIGNED_RESULT_TYPE = 'eid-verification-result+jwt';
/** A result with the photo's hash and a hospital's fields stays far below this. */
const MAX_SIGNED_RESULT = 64 * 1024;

/** What a signed result asserts. Personal fields are those the purpose profile delivers. */
export const SignedResultClaimsSchema = z.object({
  /** The terminal's registry id (also the JWS `kid`). */
  iss: z.string(),
  /** Seconds since the epoch when the result was signed. */
  iat: z.number().int(),
  /** The verification's id on the integration API. */
  jti: z.string(),
  recordId: z.string().nullable(),
  verifiedAt: z.string(),
  terminalName: z.string(),
  operator: z.string().nullable(),
  purpose: z.string(),
  verdict: z.enum(['VERIFIED', 'NOT_VERIFIED', 'FAILED']),
  reasons: z.array(z.string()),
  documentType: z.string().nullable(),
  issuingState: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  /** SHA-256 (base64) of the photo delivered with the result, when one was. */
  photoSha256: z.string().nullable(),
  /** The requester's expected ID number matched the chip's (null: none was given). */
  idNumberMatch: z.boolean().nullable(),
});
export type SignedResultClaims = z.infer<typeof SignedResultClaimsSchema>;

export interface ResultSigningKey {
  readonly terminalId: string;
  readonly alg: TerminalKeyAlg;
  /** Ed25519: PKCS#8 DER; P-256: the 32-byte private scalar (as core/sync/identity.ts keeps it). */
  readonly privateKey: Uint8Array;
}

async function signingKey(key: ResultSigningKey): Promise<CryptoKey> {
  if (key.alg === 'ed25519') {
    return importPKCS8(`-----BEGIN PRIVATE KEY-----\n${toBase64(key.privateKey)}\n-----END PRIVATE KEY-----`, 'EdDSA');
  }
  const curve = curveByName('P-256');
  const point = encodePoint(curve, curve.Point.BASE.multiply(bytesToBigInt(key.privateKey)));
  return importJWK({ kty: 'EC', crv: 'P-256', d: toBase64Url(key.privateKey), x: toBase64Url(point.subarray(1, 33)), y: toBase64Url(point.subarray(33)) }, 'ES256') as Promise<CryptoKey>;
}

export async function signResult(key: ResultSigningKey, claims: SignedResultClaims): Promise<string> {
  return new CompactSign(utf8(JSON.stringify(claims)))
    .setProtectedHeader({ alg: JWS_ALG[key.alg], typ: SIGNED_RESULT_TYPE, kid: key.terminalId })
    .sign(await signingKey(key));
}

export type ResultCheck =
  | { readonly status: 'valid'; readonly claims: SignedResultClaims }
  /** The signature holds, but the registry has revoked the terminal that made it. */
  | { readonly status: 'revoked'; readonly claims: SignedResultClaims; readonly revokedAt: string }
  | { readonly status: 'unknown-key'; readonly terminalId: string | null }
  | { readonly status: 'invalid'; readonly reason: string };

/** Checks a signed result against the registry's terminal key set (downloaded or fetched now). */
export async function checkSignedResult(jws: string, keys: TerminalKeySet): Promise<ResultCheck> {
  const text = jws.trim();
  if (text.length > MAX_SIGNED_RESULT) return { status: 'invalid', reason: 'too large' };
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(text);
  } catch {
    return { status: 'invalid', reason: 'not a compact JWS' };
  }
  if (header.typ !== SIGNED_RESULT_TYPE) return { status: 'invalid', reason: `typ is not ${SIGNED_RESULT_TYPE}` };
  const jwk = keys.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { status: 'unknown-key', terminalId: typeof header.kid === 'string' ? header.kid : null };
  let payload: Uint8Array;
  try {
    const { kty, crv, x } = jwk;
    const publicJwk = jwk.kty === 'EC' ? { kty, crv, x, y: jwk.y } : { kty, crv, x };
    ({ payload } = await compactVerify(text, await importJWK(publicJwk, jwk.alg), { algorithms: [jwk.alg] }));
  } catch {
    return { status: 'invalid', reason: 'the signature does not verify' };
  }
  let claims: SignedResultClaims;
  try {
    claims = SignedResultClaimsSchema.parse(JSON.parse(fromUtf8(payload)));
  } catch {
    return { status: 'invalid', reason: 'the claims are not a verification result' };
  }
  if (claims.iss !== jwk.kid) return { status: 'invalid', reason: 'issuer and key differ' };
  return jwk.revokedAt ? { status: 'revoked', claims, revokedAt: jwk.revokedAt } : { status: 'valid', claims };
}
