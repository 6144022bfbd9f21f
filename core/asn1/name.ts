/**
 * X.500 Name: the bytes as encoded, a comparable key (compare these) and a readable RFC 4514-style
 * string (show this).
 */
import type { Tlv } from '../bytes/tlv.ts';
import { toHex } from '../bytes/hex.ts';
import { NAME_ATTRIBUTES } from './oids.ts';
import { items, oidValue, stringValue } from './reader.ts';

export interface X500Name {
  /** The Name as encoded. */
  readonly raw: Uint8Array;
  /**
   * The Name as RFC 5280 7.1 compares names: RDNs in order, each an unordered set of attributes;
   * directory strings after RFC 4518 preparation (NFKC, case folded, leading and trailing spaces
   * dropped, inner runs folded to one), other values as encoded. Equal keys = the same name.
   */
  readonly key: string;
  /** Readable form, most significant RDN first, e.g. "C=VN, O=..., CN=CSCA Vietnam". */
  readonly text: string;
  /** countryName (C), upper-case, when present. */
  readonly country: string | undefined;
  readonly commonName: string | undefined;
}

const SHORT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.values(NAME_ATTRIBUTES).map((a) => [a.oid, a.short]));

const MAX_RDNS = 64;

export function parseName(t: Tlv | undefined, what: string): X500Name {
  const rdns = items(t, what).slice(0, MAX_RDNS);
  const parts: string[] = [];
  const keyParts: string[][] = [];
  let country: string | undefined;
  let commonName: string | undefined;
  for (const rdn of rdns) {
    const atvs: string[] = [];
    const keys: string[] = [];
    for (const atv of items(rdn, `${what} RDN`, 0x31)) {
      const [type, value] = items(atv, `${what} attribute`);
      const oid = oidValue(type, `${what} attribute type`);
      const text = value ? stringValue(value) : '';
      if (oid === NAME_ATTRIBUTES.country.oid) country ??= text.toUpperCase();
      if (oid === NAME_ATTRIBUTES.commonName.oid) commonName ??= text;
      atvs.push(`${SHORT_NAMES[oid] ?? oid}=${escapeValue(text)}`);
      keys.push(`${oid}=${value ? comparable(value, text) : ''}`);
    }
    parts.push(atvs.join('+'));
    keyParts.push(keys.sort());
  }
  return { raw: t!.raw, key: JSON.stringify(keyParts), text: parts.join(', '), country, commonName };
}

/** UTF8String, PrintableString, TeletexString, IA5String, UniversalString, BMPString. */
const DIRECTORY_STRINGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1c, 0x1e]);

function comparable(value: Tlv, text: string): string {
  if (!DIRECTORY_STRINGS.has(value.tag)) return `#${toHex(value.raw)}`;
  return `'${text.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')}`;
}

function escapeValue(text: string): string {
  // Keep control characters out of terminals and logs; escape the RFC 4514 specials.
  return text.replace(/[\u0000-\u001f\u007f]/g, '?').replace(/([,+"\\<>;])/g, '\\$1');
}
