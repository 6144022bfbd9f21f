/**
 * DG13 encoder for the virtual-card factory, in the layout observed on real cards
 * (docs/design/vn-cccd.md §3.1-3.2): numbers and most dates as PrintableString, text as UTF8String,
 * the expiry as UTF8String (it may read NO_EXPIRY_TEXT), parents and spouse in nested SEQUENCEs.
 */
import type { VnData } from '../api/verification.ts';
import { integer, printableString, sequence, utf8String } from '../bytes/der.ts';
import { tlv } from '../bytes/tlv.ts';
import { NO_EXPIRY_TEXT } from '../mrz/card-words.ts';

export interface Dg13VnInput extends VnData {
  /** Encode field 12 as NO_EXPIRY_TEXT (dateOfExpiry must then be null). */
  readonly noExpiry?: boolean;
  readonly field16?: string | null;
  /** Wrap the fields in one SEQUENCE inside 6D (default true; the real nesting is not documented). */
  readonly container?: boolean;
}

function isoToDmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const field = (n: number, ...value: Uint8Array[]): Uint8Array => sequence(integer(n), ...value);
const person = (name: string | null): Uint8Array => (name === null ? sequence() : sequence(utf8String(name.normalize('NFC'))));

export function encodeDg13Vn(input: Dg13VnInput): Uint8Array {
  const parts: Uint8Array[] = [];
  const printable = (n: number, v: string | null): void => {
    if (v !== null) parts.push(field(n, printableString(v)));
  };
  const text = (n: number, v: string | null): void => {
    if (v !== null) parts.push(field(n, utf8String(v.normalize('NFC'))));
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
  if (input.fatherName !== null || input.motherName !== null) parts.push(field(13, person(input.fatherName), person(input.motherName)));
  // Observed on cards: an unmarried holder still has field 14, empty.
  parts.push(input.spouseName === null ? field(14) : field(14, person(input.spouseName)));
  printable(15, input.oldIdNumber);
  printable(16, input.field16 ?? null);
  return input.container === false ? tlv(0x6d, ...parts) : tlv(0x6d, sequence(...parts));
}
