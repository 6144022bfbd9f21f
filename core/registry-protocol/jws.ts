/**
 * Compact JWS (RFC 7515) with EdDSA/Ed25519 (RFC 8037): the registry signs the trust-list bundle,
 * the terminal verifies it against the registry key it pinned at enrolment.
 */
import { EidError } from '../errors.ts';
import { ascii, utf8 } from '../bytes/bytes.ts';
import { ed25519Sign, ed25519Verify } from '../crypto/node-crypto.ts';
import { fromBase64Url, toBase64Url } from '../bytes/base64.ts';

/** A trust list of a few thousand CSCAs is a few MB; anything far above is not ours. */
export const MAX_JWS_LENGTH = 32 * 1024 * 1024;

export interface JwsHeader {
  readonly alg: 'EdDSA';
  readonly typ: string;
  readonly kid: string;
}

function bad(detail: string): EidError {
  return new EidError('TRUST_LIST_SIGNATURE_INVALID', { detail });
}

export function signJws(header: JwsHeader, payload: Uint8Array, privateKeyDer: Uint8Array): string {
  const signingInput = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(payload)}`;
  return `${signingInput}.${toBase64Url(ed25519Sign(privateKeyDer, ascii(signingInput)))}`;
}

/** Verifies a compact JWS with the given Ed25519 SPKI and returns its header and payload. */
export function verifyJws(jws: string, spkiDer: Uint8Array, expectedTyp: string): { header: JwsHeader; payload: Uint8Array } {
  if (jws.length > MAX_JWS_LENGTH) throw bad('too large');
  const parts = jws.split('.');
  if (parts.length !== 3) throw bad('not a compact JWS');
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(h)));
  } catch {
    throw bad('unreadable header');
  }
  const hd = header as Partial<JwsHeader> & { crit?: unknown };
  if (typeof header !== 'object' || header === null || hd.alg !== 'EdDSA') throw bad('alg must be EdDSA');
  if (hd.typ !== expectedTyp) throw bad(`typ must be ${expectedTyp}`);
  if (hd.crit !== undefined) throw bad('critical extensions are not supported');
  if (!ed25519Verify(spkiDer, ascii(`${h}.${p}`), fromBase64Url(s))) throw bad('signature does not verify');
  return { header: hd as JwsHeader, payload: fromBase64Url(p) };
}
