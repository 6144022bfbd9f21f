/**
 * ISO/IEC 9796-2 digital signature scheme 1 message representative, as eMRTD Active
 * Authentication uses it with RSA (ICAO 9303-11 §6.1): F = header || M1 || H || trailer, with
 * H = Hash(M1 || M2), M1 recovered from the signature, M2 the terminal's challenge. Trailer
 * 0xBC means SHA-1 (implicit); 0xXXCC names the hash (ISO/IEC 10118-3 hash identifiers).
 */
import { concat } from '../bytes/bytes.ts';
import { HASH_LENGTH, hash, timingSafeEqual, type HashAlgorithm } from './node-crypto.ts';

const TRAILER_IMPLICIT = 0xbc;
const TRAILER_EXPLICIT = 0xcc;
/** Leading bits 01, "more data" bit 1 (partial recovery), no padding: the 'A' nibble follows. */
const HEADER_PARTIAL = 0x6a;

const HASH_BY_ID: Readonly<Record<number, HashAlgorithm>> = { 0x33: 'sha1', 0x34: 'sha256', 0x35: 'sha512', 0x36: 'sha384', 0x38: 'sha224' };
const ID_BY_HASH: Readonly<Record<HashAlgorithm, number>> = { sha1: 0x33, sha256: 0x34, sha512: 0x35, sha384: 0x36, sha224: 0x38 };

export interface Iso9796Representative {
  /** The recovered part of the message. */
  readonly m1: Uint8Array;
  readonly digest: Uint8Array;
  readonly hash: HashAlgorithm;
  /** Whether the message continues beyond M1 (M2 is not recoverable): always so for AA. */
  readonly partialRecovery: boolean;
}

/** Parses F; undefined when it is not a scheme-1 representative (wrong header, trailer, padding). */
export function parseIso9796Scheme1(f: Uint8Array): Iso9796Representative | undefined {
  const k = f.length;
  if (k < 4) return undefined;
  let hashAlg: HashAlgorithm | undefined;
  let trailerLength: number;
  if (f[k - 1] === TRAILER_IMPLICIT) {
    hashAlg = 'sha1';
    trailerLength = 1;
  } else if (f[k - 1] === TRAILER_EXPLICIT) {
    hashAlg = HASH_BY_ID[f[k - 2]!];
    trailerLength = 2;
  } else return undefined;
  if (!hashAlg) return undefined;
  const first = f[0]!;
  if ((first & 0xc0) !== 0x40) return undefined;
  const partialRecovery = (first & 0x20) !== 0;
  // Padding: nibbles 'B' ending with an 'A' nibble; M1 starts after it.
  let m1Start: number;
  if ((first & 0x0f) === 0x0a) m1Start = 1;
  else if ((first & 0x0f) === 0x0b) {
    let i = 1;
    while (i < k && f[i] === 0xbb) i++;
    if (i >= k || f[i] !== 0xba) return undefined;
    m1Start = i + 1;
  } else return undefined;
  const hashStart = k - trailerLength - HASH_LENGTH[hashAlg];
  if (hashStart < m1Start) return undefined;
  return { m1: f.slice(m1Start, hashStart), digest: f.slice(hashStart, k - trailerLength), hash: hashAlg, partialRecovery };
}

/** True when F carries H = Hash(M1 || m2) with partial recovery (the AA form). */
export function verifyIso9796Scheme1(f: Uint8Array, m2: Uint8Array): boolean {
  const rep = parseIso9796Scheme1(f);
  if (!rep || !rep.partialRecovery) return false;
  return timingSafeEqual(hash(rep.hash, rep.m1, m2), rep.digest);
}

/**
 * Builds F of `length` bytes for partial recovery: M1 fills the capacity, M2 is not carried.
 * Explicit trailer unless SHA-1 with `implicitTrailer` (the usual AA form).
 */
export function encodeIso9796Scheme1(m1: Uint8Array, m2: Uint8Array, length: number, hashAlg: HashAlgorithm, implicitTrailer = hashAlg === 'sha1'): Uint8Array {
  const trailer = implicitTrailer && hashAlg === 'sha1' ? Uint8Array.of(TRAILER_IMPLICIT) : Uint8Array.of(ID_BY_HASH[hashAlg], TRAILER_EXPLICIT);
  if (m1.length !== iso9796Capacity(length, hashAlg, trailer.length === 1)) throw new RangeError('M1 must fill the representative');
  return concat(Uint8Array.of(HEADER_PARTIAL), m1, hash(hashAlg, m1, m2), trailer);
}

/** Bytes of M1 that fit a representative of `length` bytes. */
export function iso9796Capacity(length: number, hashAlg: HashAlgorithm, implicitTrailer: boolean): number {
  return length - 1 - HASH_LENGTH[hashAlg] - (implicitTrailer ? 1 : 2);
}
