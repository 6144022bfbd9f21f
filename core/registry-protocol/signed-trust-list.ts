/**
 * The trust list on the wire: the registry signs its CSCAs and CRLs as a compact JWS with its
 * Ed25519 key (`signTrustList`); the terminal accepts a list only if it verifies against the
 * registry key it pinned at enrolment (`verifyTrustList`).
 */
import { EidError } from '../errors.ts';
import { fromUtf8, utf8 } from '../bytes/bytes.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { signJws, verifyJws } from './jws.ts';
import { TRUST_LIST_FORMAT, TRUST_LIST_JWS_TYPE, TrustListSchema } from './messages.ts';

export interface TrustListContents {
  readonly version: number;
  readonly issuedAt: string;
  /** DER certificates. */
  readonly cscas: Uint8Array[];
  /** DER CRLs. */
  readonly crls: Uint8Array[];
}

export interface TrustListSigningKey {
  readonly keyId: string;
  /** Ed25519 PKCS#8 DER. */
  readonly privateKeyDer: Uint8Array;
}

function invalid(detail: string): EidError {
  return new EidError('TRUST_LIST_INVALID', { detail });
}

export function signTrustList(contents: TrustListContents, key: TrustListSigningKey): string {
  const payload = {
    format: TRUST_LIST_FORMAT,
    version: contents.version,
    issuedAt: contents.issuedAt,
    cscas: contents.cscas.map(toBase64),
    crls: contents.crls.map(toBase64),
  };
  return signJws({ alg: 'EdDSA', typ: TRUST_LIST_JWS_TYPE, kid: key.keyId }, utf8(JSON.stringify(payload)), key.privateKeyDer);
}

/** Verifies the signed bundle and decodes it; throws TRUST_LIST_SIGNATURE_INVALID / TRUST_LIST_INVALID. */
export function verifyTrustList(jws: string, pinnedRegistryKey: Uint8Array): TrustListContents {
  const { payload } = verifyJws(jws, pinnedRegistryKey, TRUST_LIST_JWS_TYPE);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(payload));
  } catch {
    throw invalid('payload is not JSON');
  }
  const parsed = TrustListSchema.safeParse(json);
  if (!parsed.success) throw invalid('payload does not match the trust-list format');
  const list = parsed.data;
  return { version: list.version, issuedAt: list.issuedAt, cscas: list.cscas.map(fromBase64), crls: list.crls.map(fromBase64) };
}
