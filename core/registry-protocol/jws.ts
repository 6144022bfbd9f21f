/**
 * Compact JWS (RFC 7515) with EdDSA/Ed25519 (RFC 8037): the registry signs the trust-list bundle,
 * the terminal verifies it against the registry key it pinned at enrolment (or the key that key
 * handed over to, key-rotation.ts). Signing goes through a `sign` function, so the private key
 * can stay in a key store or an HSM.
 */
import { EidError } from '../errors.ts';
import { ascii, utf8 } from '../bytes/bytes.ts';
import { ed25519Verify } from '../crypto/node-crypto.ts';
import { fromBase64Url, toBase64Url } from '../bytes/base64.ts';

/** A trust list of a few thousand CSCAs is a few MB; anything far above is not ours. */
export const MAX_JWS_LENGTH = 32 * 1024 * 1024;

export interface JwsHeader {
  readonly alg: 'EdDSA';
  readonly typ: string;
  readonly kid: string;
  /** Other protected members (the trust list's key hand-overs). */
  readonly [member: string]: unknown;
}

export interface ParsedJws {
  readonly header: JwsHeader;
  readonly payload: Uint8Array;
  readonly signingInput: Uint8Array;
  readonly signature: Uint8Array;
}

export function jwsError(detail: string): EidError {
  return new EidError('TRUST_LIST_SIGNATURE_INVALID', { detail });
}

export function signJws(header: JwsHeader, payload: Uint8Array, sign: (signingInput: Uint8Array) => Uint8Array): string {
  const signingInput = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(payload)}`;
  return `${signingInput}.${toBase64Url(sign(ascii(signingInput)))}`;
}

/** Splits and decodes a compact JWS with a protected EdDSA header of the expected type; verifies nothing yet. */
export function parseJws(jws: string, expectedTyp: string): ParsedJws {
  if (jws.length > MAX_JWS_LENGTH) throw jwsError('too large');
  const parts = jws.split('.');
  if (parts.length !== 3) throw jwsError('not a compact JWS');
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(h)));
  } catch {
    throw jwsError('unreadable header');
  }
  const hd = header as Partial<JwsHeader> & { crit?: unknown };
  if (typeof header !== 'object' || header === null || hd.alg !== 'EdDSA') throw jwsError('alg must be EdDSA');
  if (hd.typ !== expectedTyp) throw jwsError(`typ must be ${expectedTyp}`);
  if (hd.crit !== undefined) throw jwsError('critical extensions are not supported');
  if (typeof hd.kid !== 'string') throw jwsError('kid is missing');
  return { header: hd as JwsHeader, payload: fromBase64Url(p), signingInput: ascii(`${h}.${p}`), signature: fromBase64Url(s) };
}

/** Verifies a compact JWS with the given Ed25519 SPKI and returns its header and payload. */
export function verifyJws(jws: string, spkiDer: Uint8Array, expectedTyp: string): { header: JwsHeader; payload: Uint8Array } {
  const parsed = parseJws(jws, expectedTyp);
  if (!ed25519Verify(spkiDer, parsed.signingInput, parsed.signature)) throw jwsError('signature does not verify');
  return { header: parsed.header, payload: parsed.payload };
}
