/**
 * DG13 encoder for the virtual-card factory, in the layout real cards have
 * (docs/design/vn-cccd.md §3.1-3.2): `6D { 30 { INTEGER 1, OID 1.0.10646.1.0.8, SET { fields } } }`;
 * numbers and most dates as PrintableString, text as UTF8String, the expiry as UTF8String (it may
 * read NO_EXPIRY_TEXT), parents and spouse in nested SEQUENCEs, an unmarried holder's field 14 empty.
 */
import type { VnData } from '../api/verification.ts';
import { OID } from '../asn1/oids.ts';
import { integer, oid, printableString, sequence, utf8String } from '../bytes/der.ts';
import { tlv } from '../bytes/tlv.ts';
import type { Dg13Layout } from './dg13-vn.ts';
import { NO_EXPIRY_TEXT } from '../mrz/card-words.ts';

export interface Dg13VnInput extends VnData {
  /** Encode field 12 as NO_EXPIRY_TEXT (dateOfExpiry must then be null). */
  readonly noExpiry?: boolean;
  readonly field16?: string | null;
  /** 'wrapped' (default, as on cards) or 'flat' (fields directly under 6D, as some samples have it). */
  readonly layout?: Dg13Layout;
  /** Field 13 as `SEQ{father}, SEQ{mother}` (default, as on cards) or `SEQ{father, mother}`. */
  readonly parents?: 'separate' | 'together';
  /** Fields past 16 (numbers 17 and up), each a PrintableString, as a later card might add. */
  readonly extraFields?: readonly { readonly number: number; readonly value: string }[];
}

/** The wrapper's version on the cards seen. */
const DG13_VERSION = 1;

function isoToDmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const field = (n: number, ...value: Uint8Array[]): Uint8Array => sequence(integer(n), ...value);
const name = (text: string): Uint8Array => utf8String(text.normalize('NFC'));
const person = (text: string | null): Uint8Array => (text === null ? sequence() : sequence(name(text)));

function parentsField(father: string | null, mother: string | null, layout: 'separate' | 'together'): Uint8Array {
  if (layout === 'separate') return field(13, person(father), person(mother));
  return field(13, sequence(...[father, mother].filter((p): p is string => p !== null).map(name)));
}

export function encodeDg13Vn(input: Dg13VnInput): Uint8Array {
  const parts: Uint8Array[] = [];
  const printable = (n: number, v: string | null): void => {
    if (v !== null) parts.push(field(n, printableString(v)));
  };
  const text = (n: number, v: string | null): void => {
    if (v !== null) parts.push(field(n, name(v)));
  };
  printable(1, input.idNumber);
  text(2, input.fullName);
  printable(3, input.dateOfBirth && isoToDmy(input.dateOfBirth));
  text(4, input.sex);
  text(5, input.nationality);
  text(6, input.ethnicity);
  text(7, input.religion);
  text(8, input.placeOfOrigin);
  text(9, input.placeOfResidence);
  text(10, input.identifyingMarks);
  printable(11, input.dateOfIssue && isoToDmy(input.dateOfIssue));
  text(12, input.noExpiry ? NO_EXPIRY_TEXT : input.dateOfExpiry && isoToDmy(input.dateOfExpiry));
  if (input.fatherName !== null || input.motherName !== null) parts.push(parentsField(input.fatherName, input.motherName, input.parents ?? 'separate'));
  // Observed on cards: an unmarried holder still has field 14, empty (30 03 02 01 0E).
  parts.push(input.spouseName === null ? field(14) : field(14, person(input.spouseName)));
  printable(15, input.oldIdNumber);
  printable(16, input.field16 ?? null);
  for (const extra of input.extraFields ?? []) printable(extra.number, extra.value);
  return wrapDg13Fields(parts, input.layout ?? 'wrapped');
}

/** DG13 around encoded field SEQUENCEs, in the wrapper of the cards or flat. */
export function wrapDg13Fields(fields: readonly Uint8Array[], layout: Dg13Layout): Uint8Array {
  if (layout === 'flat') return tlv(0x6d, ...fields);
  // The SET keeps field order, as on the cards (a DER SET OF would sort by encoding).
  return tlv(0x6d, sequence(integer(DG13_VERSION), oid(OID.iso10646Utf8), tlv(0x31, ...fields)));
}
