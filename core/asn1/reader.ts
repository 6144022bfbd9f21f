/**
 * Small typed readers over BER-TLV elements for the X.509 / CMS / CRL parsers. Every failure is an
 * EidError ASN1_MALFORMED, so a hostile certificate or SOD never crashes the caller.
 */
import { EidError, wrapFailures } from '../errors.ts';
import { fromUtf8, concat } from '../bytes/bytes.ts';
import { decodeOid } from '../bytes/oid.ts';
import { children, readTlv, type Tlv, type TlvOptions } from '../bytes/tlv.ts';

/** Certificates, CRLs and SODs are BER in the wild (NZ's SOD uses indefinite lengths). */
export const BER: TlvOptions = { allowIndefinite: true, maxDepth: 24 };

export function asn1Error(detail: string, cause?: unknown): EidError {
  return new EidError('ASN1_MALFORMED', { detail }, { cause });
}

/** Runs a parser; any failure (including TLV errors) becomes ASN1_MALFORMED naming `what`. */
export function guard<T>(what: string, parse: () => T): T {
  return wrapFailures('ASN1_MALFORMED', (detail, cause) => asn1Error(`${what}: ${detail}`, cause), parse);
}

/** Reads one element that must fill `buf` exactly. */
export function readWhole(buf: Uint8Array, what: string): Tlv {
  const t = readTlv(buf, 0, BER);
  if (t.end !== buf.length) throw asn1Error(`${what} has trailing bytes`);
  return t;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (t === undefined) throw asn1Error(`${what} is missing`);
  if (t.tag !== tag) throw asn1Error(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`);
  return t;
}

/** Children of a SEQUENCE (or another constructed tag), checking the tag. */
export function items(t: Tlv | undefined, what: string, tag = 0x30): Tlv[] {
  return children(expectTag(t, tag, what), BER);
}

/** Signed INTEGER (two's complement): serial numbers in the wild can be negative. */
export function integerValue(t: Tlv | undefined, what: string): bigint {
  const v = expectTag(t, 0x02, what).value;
  if (v.length === 0) throw asn1Error(`${what}: empty INTEGER`);
  let n = 0n;
  for (const b of v) n = (n << 8n) | BigInt(b);
  if (v[0]! & 0x80) n -= 1n << BigInt(v.length * 8);
  return n;
}

/** Small non-negative INTEGER (versions, counts). */
export function smallInteger(t: Tlv | undefined, what: string): number {
  const n = integerValue(t, what);
  if (n < 0n || n > 0xffffn) throw asn1Error(`${what}: value out of range`);
  return Number(n);
}

export function oidValue(t: Tlv | undefined, what: string): string {
  return decodeOid(expectTag(t, 0x06, what).value);
}

/** OCTET STRING contents; BER constructed OCTET STRINGs (0x24) are concatenated. */
export function octetStringValue(t: Tlv | undefined, what: string, depth = 0): Uint8Array {
  if (t === undefined) throw asn1Error(`${what} is missing`);
  if (t.tag === 0x04) return t.value;
  if (t.tag === 0x24 && depth < 4) return concat(...children(t, BER).map((c) => octetStringValue(c, what, depth + 1)));
  throw asn1Error(`${what}: expected OCTET STRING, found 0x${t.tag.toString(16)}`);
}

/** BIT STRING contents without the unused-bits byte (keys and signatures are whole bytes). */
export function bitStringBytes(t: Tlv | undefined, what: string): Uint8Array {
  const v = expectTag(t, 0x03, what).value;
  if (v.length === 0) throw asn1Error(`${what}: empty BIT STRING`);
  return v.subarray(1);
}

/** BIT STRING as an array of flags, bit 0 first (KeyUsage). */
export function bitFlags(t: Tlv | undefined, what: string): boolean[] {
  const v = expectTag(t, 0x03, what).value;
  if (v.length === 0) throw asn1Error(`${what}: empty BIT STRING`);
  const unused = v[0]!;
  if (unused > 7) throw asn1Error(`${what}: bad unused-bit count`);
  const flags: boolean[] = [];
  const bits = (v.length - 1) * 8 - unused;
  for (let i = 0; i < bits; i++) flags.push((v[1 + (i >> 3)]! & (0x80 >> (i & 7))) !== 0);
  return flags;
}

export function booleanValue(t: Tlv | undefined, what: string): boolean {
  const v = expectTag(t, 0x01, what).value;
  if (v.length !== 1) throw asn1Error(`${what}: bad BOOLEAN`);
  return v[0] !== 0;
}

const TIME_PATTERN = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{4})?$/;

/** UTCTime (0x17) or GeneralizedTime (0x18), also the raw GeneralizedTime of PKUP ([0]/[1] implicit). */
export function timeValue(t: Tlv | undefined, what: string): Date {
  if (t === undefined) throw asn1Error(`${what} is missing`);
  const text = fromUtf8(t.value);
  const m = TIME_PATTERN.exec(text);
  const utc = t.tag === 0x17;
  if (!m || (utc && m[1]!.length !== 2) || (!utc && m[1]!.length !== 4 && t.tag === 0x18)) throw asn1Error(`${what}: bad time "${text.slice(0, 24)}"`);
  let year = Number(m[1]);
  if (m[1]!.length === 2) year += year < 50 ? 2000 : 1900;
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  let offset = 0;
  const zone = m[7];
  if (zone && zone !== 'Z') offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  const date = new Date(ms - offset);
  if (Number.isNaN(date.getTime())) throw asn1Error(`${what}: bad time`);
  return date;
}

/** Text of a directory string (PrintableString, UTF8String, IA5String, T61, BMPString, UniversalString). */
export function stringValue(t: Tlv): string {
  if (t.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < t.value.length; i += 2) s += String.fromCharCode((t.value[i]! << 8) | t.value[i + 1]!);
    return s;
  }
  if (t.tag === 0x1c) {
    // UniversalString: UCS-4 big-endian.
    let s = '';
    for (let i = 0; i + 3 < t.value.length; i += 4) s += String.fromCodePoint(((t.value[i]! << 24) | (t.value[i + 1]! << 16) | (t.value[i + 2]! << 8) | t.value[i + 3]!) >>> 0 & 0x10ffff);
    return s;
  }
  if (t.tag === 0x14) return String.fromCharCode(...t.value); // T61: treat as Latin-1
  return fromUtf8(t.value);
}
