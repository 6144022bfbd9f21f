/**
 * ICAO PKD LDIF reader: binary attribute values of the entries, nothing else. Handles folded
 * lines, base64 (`attr:: ...`) values, and the old and current PKD attribute names.
 */
import { trustFileError } from './errors.ts';

export type LdifItemKind = 'certificate' | 'caCertificate' | 'crl' | 'masterList';

export interface LdifItem {
  readonly kind: LdifItemKind;
  readonly der: Uint8Array;
  /** The entry's dn, for messages (it names a country and serial, no personal data). */
  readonly dn: string;
}

/** Attribute names (lower case, options like ;binary stripped) seen in PKD exports over the years. */
const ATTRIBUTES: Record<string, LdifItemKind> = {
  usercertificate: 'certificate',
  cacertificate: 'caCertificate',
  certificaterevocationlist: 'crl',
  authorityrevocationlist: 'crl',
  pkdmasterlistcontent: 'masterList',
  pkdcscamasterlist: 'masterList',
  cscamasterlistdata: 'masterList',
};

const MAX_ITEMS = 200_000;

export function looksLikeLdif(text: string): boolean {
  return /^(version:\s*\d+\s*\n)?\s*dn:/m.test(text.slice(0, 4096)) && /^dn:/m.test(text.slice(0, 4096));
}

export function parseLdif(text: string): LdifItem[] {
  const items: LdifItem[] = [];
  // Unfold: a line starting with one space continues the previous line (RFC 2849).
  const lines = text.replace(/\r\n/g, '\n').replace(/\n /g, '').split('\n');
  let dn = '';
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).toLowerCase();
    const isBase64 = line[colon + 1] === ':';
    const value = line.slice(colon + (isBase64 ? 2 : 1)).trim();
    if (name === 'dn') {
      dn = isBase64 ? Buffer.from(value, 'base64').toString('utf8') : value;
      continue;
    }
    const kind = ATTRIBUTES[name.split(';')[0]!];
    if (!kind) continue;
    if (!isBase64) throw trustFileError(`LDIF attribute ${name} is not base64 (entry ${dn.slice(0, 80)})`);
    if (items.length >= MAX_ITEMS) throw trustFileError('LDIF file has too many entries');
    items.push({ kind, der: new Uint8Array(Buffer.from(value, 'base64')), dn });
  }
  return items;
}
