/** X.500 Name: raw bytes (compare these) and a readable RFC 4514-style string (show this). */
import type { Tlv } from '../bytes/tlv.ts';
import { NAME_ATTRIBUTES } from './oids.ts';
import { items, oidValue, stringValue } from './reader.ts';

export interface X500Name {
  /** The Name as encoded; issuer/subject matching compares these bytes. */
  readonly raw: Uint8Array;
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
  let country: string | undefined;
  let commonName: string | undefined;
  for (const rdn of rdns) {
    const atvs = items(rdn, `${what} RDN`, 0x31).map((atv) => {
      const [type, value] = items(atv, `${what} attribute`);
      const oid = oidValue(type, `${what} attribute type`);
      const text = value ? stringValue(value) : '';
      if (oid === NAME_ATTRIBUTES.country.oid) country ??= text.toUpperCase();
      if (oid === NAME_ATTRIBUTES.commonName.oid) commonName ??= text;
      return `${SHORT_NAMES[oid] ?? oid}=${escapeValue(text)}`;
    });
    parts.push(atvs.join('+'));
  }
  return { raw: t!.raw, text: parts.join(', '), country, commonName };
}

function escapeValue(text: string): string {
  // Keep control characters out of terminals and logs; escape the RFC 4514 specials.
  return text.replace(/[\u0000-\u001f\u007f]/g, '?').replace(/([,+"\\<>;])/g, '\\$1');
}
