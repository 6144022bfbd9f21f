/**
 * The one definition of a hash-chain link, for both chains a terminal keeps: the local chain
 * over its `records` rows (core/store/chain.ts) and the payload chain the registry re-checks:
 *
 *   link = SHA-256( previous link || UTF-8( RFC 8785 canonical JSON of the linked value ) )
 *
 * On the wire a link is 64 lowercase hex digits (`prevHash`, `hash`); the first record of a
 * chain links to GENESIS_HASH.
 */
import canonicalize from 'canonicalize';
import { EidError } from '../errors.ts';
import { utf8 } from '../bytes/bytes.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { hash } from '../crypto/node-crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);
const HASH_HEX = /^[0-9a-f]{64}$/;
/** Records are flat; a deeper value is hostile input (and would cost the registry stack). */
const MAX_DEPTH = 32;

function canonicalError(detail: string): EidError {
  return new EidError('RECORD_NOT_CANONICAL', { detail });
}

/** Only what JSON carries, and no deeper than MAX_DEPTH; undefined object members are left out. */
function assertJsonValue(value: unknown, depth: number): void {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
  if (typeof value !== 'object') throw canonicalError(`unsupported value of type ${typeof value}`);
  if (depth >= MAX_DEPTH) throw canonicalError('nested too deeply');
  const inArray = Array.isArray(value);
  for (const v of Object.values(value)) if (inArray || v !== undefined) assertJsonValue(v, depth + 1);
}

/**
 * RFC 8785 (JCS) canonical JSON: object keys sorted by UTF-16 code units, no white space,
 * ECMAScript number and string serialisation. What I-JSON cannot carry (NaN, Infinity, lone
 * surrogates, functions, BigInt) is refused with RECORD_NOT_CANONICAL.
 */
export function canonicalJson(value: unknown): string {
  assertJsonValue(value, 0);
  try {
    return canonicalize(value)!;
  } catch (e) {
    throw canonicalError(e instanceof Error ? e.message : String(e));
  }
}

/** The link after `prev` for `value` (bytes, as core/store keeps them). */
export function chainLink(prev: Uint8Array, value: unknown): Uint8Array {
  return hash('sha256', prev, utf8(canonicalJson(value)));
}

export function isChainHash(text: unknown): text is string {
  return typeof text === 'string' && HASH_HEX.test(text);
}

/** The payload-chain link of `record` in hex (its own `hash` member, if any, is ignored). */
export function chainHash(prevHash: string, record: Readonly<Record<string, unknown>>): string {
  if (!isChainHash(prevHash)) throw canonicalError('prevHash is not 64 lowercase hex digits');
  const { hash: _ignored, ...body } = record;
  return toHex(chainLink(fromHex(prevHash), body)).toLowerCase();
}

/** True when `record.hash` is the chain link of the record's own content and `record.prevHash`. */
export function verifyChainLink(record: Readonly<Record<string, unknown>>): boolean {
  const { prevHash, hash: claimed } = record;
  if (!isChainHash(prevHash) || !isChainHash(claimed)) return false;
  return chainHash(prevHash, record) === claimed;
}
