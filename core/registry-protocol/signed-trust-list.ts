/**
 * The trust list on the wire: the registry signs its CSCAs and CRLs as a compact JWS with its
 * Ed25519 key (`signTrustList`), carrying the key hand-overs in the protected header; the terminal
 * accepts a list only if it is signed by the key it pinned at enrolment, or by a key that key
 * handed over to through signed hand-overs (`verifyTrustList`, key-rotation.ts), and learns which.
 */
import { EidError } from '../errors.ts';
import { fromUtf8, utf8 } from '../bytes/bytes.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { ed25519Verify } from '../crypto/node-crypto.ts';
import { jwsError, parseJws, signJws } from './jws.ts';
import { followRotations, rotationFromJson, rotationToJson, type KeyRotation, type TrustListSigner } from './key-rotation.ts';
import { TRUST_LIST_FORMAT, TRUST_LIST_JWS_TYPE, TrustListSchema } from './messages.ts';
import { registryKeyId } from './registry-key.ts';

export interface TrustListContents {
  readonly version: number;
  readonly issuedAt: string;
  /** DER certificates. */
  readonly cscas: Uint8Array[];
  /** DER CRLs. */
  readonly crls: Uint8Array[];
}

export interface VerifiedTrustList extends TrustListContents {
  /** The key that signed the list: the pinned key, or the one it handed over to (the terminal's pin from now on). */
  readonly signedBy: Uint8Array;
}

function invalid(detail: string): EidError {
  return new EidError('TRUST_LIST_INVALID', { detail });
}

export function signTrustList(contents: TrustListContents, key: TrustListSigner, rotations: readonly KeyRotation[] = []): string {
  const payload = {
    format: TRUST_LIST_FORMAT,
    version: contents.version,
    issuedAt: contents.issuedAt,
    cscas: contents.cscas.map(toBase64),
    crls: contents.crls.map(toBase64),
  };
  const header = { alg: 'EdDSA' as const, typ: TRUST_LIST_JWS_TYPE, kid: key.keyId, ...(rotations.length > 0 ? { rotations: rotations.map(rotationToJson) } : {}) };
  return signJws(header, utf8(JSON.stringify(payload)), (input) => key.sign(input));
}

function headerRotations(value: unknown): KeyRotation[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw jwsError('rotations must be a list');
  return value.map((r) => rotationFromJson(r) ?? (() => { throw jwsError('malformed key rotation'); })());
}

/** Verifies the signed bundle and decodes it; throws TRUST_LIST_SIGNATURE_INVALID / TRUST_LIST_INVALID. */
export function verifyTrustList(jws: string, pinnedRegistryKey: Uint8Array): VerifiedTrustList {
  const parsed = parseJws(jws, TRUST_LIST_JWS_TYPE);
  const signer = followRotations(pinnedRegistryKey, headerRotations(parsed.header.rotations));
  if (parsed.header.kid !== registryKeyId(signer)) throw jwsError('kid does not name the key the pinned key leads to');
  if (!ed25519Verify(signer, parsed.signingInput, parsed.signature)) throw jwsError('signature does not verify');
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(parsed.payload));
  } catch {
    throw invalid('payload is not JSON');
  }
  const result = TrustListSchema.safeParse(json);
  if (!result.success) throw invalid('payload does not match the trust-list format');
  const list = result.data;
  return { version: list.version, issuedAt: list.issuedAt, cscas: list.cscas.map(fromBase64), crls: list.crls.map(fromBase64), signedBy: signer };
}
