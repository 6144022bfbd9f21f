/** DER writers for the ASN.1 the terminal and the document factory produce. */
import { bigIntToBytes, concat, utf8, ascii } from './bytes.ts';
import { encodeOidValue } from './oid.ts';
import { tlv } from './tlv.ts';

export const sequence = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...items);
export const set = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x31, ...items);

/** SET OF with DER ordering (elements sorted by their encodings), as signed attributes need. */
export function setOf(...items: readonly Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  return tlv(0x31, ...sorted);
}

export function integer(value: bigint | number): Uint8Array {
  const v = BigInt(value);
  if (v >= 0n) {
    const raw = bigIntToBytes(v);
    return tlv(0x02, raw[0]! & 0x80 ? concat(Uint8Array.of(0), raw) : raw);
  }
  // Two's complement for negative values (serial numbers in the wild can be negative).
  let byteLength = 1;
  while (-(1n << BigInt(byteLength * 8 - 1)) > v) byteLength++;
  return tlv(0x02, bigIntToBytes((1n << BigInt(byteLength * 8)) + v, byteLength));
}

/** INTEGER from unsigned big-endian bytes (adds the leading zero when needed). */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, trimmed[0]! & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed);
}

export const oid = (dotted: string): Uint8Array => tlv(0x06, encodeOidValue(dotted));
export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const octetString = (value: Uint8Array): Uint8Array => tlv(0x04, value);
export const bitString = (value: Uint8Array, unusedBits = 0): Uint8Array => tlv(0x03, Uint8Array.of(unusedBits), value);
export const boolean = (value: boolean): Uint8Array => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);
export const utf8String = (text: string): Uint8Array => tlv(0x0c, utf8(text));
export const printableString = (text: string): Uint8Array => tlv(0x13, ascii(text));

/** [n] EXPLICIT: a constructed context-specific wrapper. */
export const explicit = (n: number, ...items: readonly Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...items);

/** [n] IMPLICIT primitive: context-specific tag replacing a primitive type's tag. */
export const implicitPrimitive = (n: number, value: Uint8Array): Uint8Array => tlv(0x80 | n, value);

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** UTCTime for years 1950-2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5). */
export function time(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, ascii(`${two(y % 100)}${rest}`));
  return tlv(0x18, ascii(`${String(y).padStart(4, '0')}${rest}`));
}
