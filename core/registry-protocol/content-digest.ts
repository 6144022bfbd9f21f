/**
 * Content-Digest (RFC 9530) with SHA-256: an RFC 8941 dictionary `sha-256=:<base64>:`, written
 * and read with `structured-headers`. A received field may carry other algorithms beside
 * sha-256 (RFC 9530 lets the sender offer several); only sha-256 is checked.
 */
import { isInnerList, parseDictionary, serializeDictionary, type Item } from 'structured-headers';
import { hash, timingSafeEqual } from '../crypto/node-crypto.ts';

const ALGORITHM = 'sha-256';
const MAX_FIELD = 1024;

export function contentDigest(body: Uint8Array): string {
  // A copy whose buffer is a plain ArrayBuffer, as BufferSource asks.
  const digest: Item = [new Uint8Array(hash('sha256', body)), new Map()];
  return serializeDictionary(new Map([[ALGORITHM, digest]]));
}

/** True when the received field's sha-256 member is the SHA-256 of `body`. */
export function contentDigestMatches(field: string | undefined, body: Uint8Array): boolean {
  if (field === undefined || field.length > MAX_FIELD) return false;
  let member;
  try {
    member = parseDictionary(field).get(ALGORITHM);
  } catch {
    return false;
  }
  if (member === undefined || isInnerList(member) || !(member[0] instanceof ArrayBuffer)) return false;
  return timingSafeEqual(new Uint8Array(member[0]), hash('sha256', body));
}
