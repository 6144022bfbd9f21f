/** X.500 Name: raw bytes (compare these) and a readable RFC 4514-style string (show this). */
import type { Tlv } from '../bytes/tlv.ts';
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

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L',
  '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title', '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier', '1.2.840.113549.1.9.1': 'emailAddress', '0.9.2342.19200300.100.1.25': 'DC',
};

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
      if (oid === '2.5.4.6') country ??= text.toUpperCase();
      if (oid === '2.5.4.3') commonName ??= text;
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
