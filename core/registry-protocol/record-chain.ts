/**
 * The one definition of a record's hash-chain link, shared by the terminal's store (which writes
 * the chain) and the registry (which re-checks it):
 *
 *   hash = SHA-256( bytes(prevHash) || UTF-8( canonicalJson(record without `hash`) ) )
 *
 * `prevHash` and `hash` are 64 lowercase hex digits; the first record links to GENESIS_HASH.
 * canonicalJson follows RFC 8785 (JCS) for the JSON that records contain: object keys sorted by
 * UTF-16 code units, no whitespace, ECMAScript number and string serialisation.
 */
import { EidError } from '../errors.ts';
import { utf8 } from '../bytes/bytes.ts';
import { fromHex, toHex } from '../bytes/hex.ts';
import { hash } from '../crypto/node-crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);
const HASH_HEX = /^[0-9a-f]{64}$/;
const MAX_DEPTH = 32;

function canonicalError(detail: string): EidError {
  return new EidError('RECORD_NOT_CANONICAL', `Record cannot be serialised canonically: ${detail}`,
    `Bản ghi không thể chuẩn hoá để tính mã băm: ${detail}`);
}

function write(value: unknown, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH) throw canonicalError('nested too deeply');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    out.push(JSON.stringify(value));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw canonicalError('non-finite number');
    out.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, depth + 1, out);
    });
    out.push(']');
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push('{');
    entries.forEach(([k, v], i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(k), ':');
      write(v, depth + 1, out);
    });
    out.push('}');
  } else {
    throw canonicalError(`unsupported value of type ${typeof value}`);
  }
}

/** RFC 8785 canonical JSON of a JSON value (undefined object members are left out, as JSON does). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, 0, out);
  return out.join('');
}

export function isChainHash(text: unknown): text is string {
  return typeof text === 'string' && HASH_HEX.test(text);
}

/** The chain link of `record` (its own `hash` member, if any, is ignored). */
export function chainHash(prevHash: string, record: Readonly<Record<string, unknown>>): string {
  if (!isChainHash(prevHash)) throw canonicalError('prevHash is not 64 lowercase hex digits');
  const { hash: _ignored, ...body } = record;
  return toHex(hash('sha256', fromHex(prevHash), utf8(canonicalJson(body)))).toLowerCase();
}

/** True when `record.hash` is the chain link of the record's own content and `record.prevHash`. */
export function verifyChainLink(record: Readonly<Record<string, unknown>>): boolean {
  const { prevHash, hash: claimed } = record;
  if (!isChainHash(prevHash) || !isChainHash(claimed)) return false;
  return chainHash(prevHash, record) === claimed;
}
