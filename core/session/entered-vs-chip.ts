/**
 * What the clerk gave against what the chip holds. Opening the chip proves only the key's own
 * fields (document number, birth date, expiry): the 12-digit ID number typed or scanned, and the
 * name and sex of a QR code or a typed MRZ, are not part of it. A QR code or a printed card of
 * another person, or a mistyped province code, would pass unnoticed unless compared here. One
 * warning per field that differs, naming the field and the source, never the values.
 */
import type { AccessKey as EnteredKey } from '../api/terminal-api.ts';
import type { DocumentData } from '../api/verification.ts';
import { isEidError } from '../errors.ts';
import { warning, type Warning } from '../messages/message.ts';
import { parseCccdQr, parseMrz } from '../mrz/index.ts';
import { sexOfWord } from '../mrz/card-words.ts';
import { mrzComparableName } from '../trust/consistency.ts';

type Field = 'name' | 'dateOfBirth' | 'sex' | 'number';

interface Entered {
  readonly source: 'qr' | 'typed';
  /** The 12-digit ID number, or a document number (typed, or in a typed MRZ). */
  readonly number?: { readonly value: string; readonly kind: 'id' | 'document' };
  /** The name and whether it is written with diacritics (a QR code) or as an MRZ spells it. */
  readonly name?: { readonly text: string; readonly diacritics: boolean };
  /** ISO date, or YYMMDD as typed. */
  readonly dateOfBirth?: string;
  readonly sex?: 'M' | 'F' | 'X';
}

function enteredData(key: EnteredKey): Entered | null {
  switch (key.kind) {
    case 'qr': {
      const q = parseCccdQr(key.text);
      return { source: 'qr', number: { value: q.idNumber, kind: 'id' }, name: { text: q.fullName, diacritics: true }, dateOfBirth: q.dateOfBirth, ...(q.sex && { sex: q.sex }) };
    }
    case 'cccd':
      return { source: 'typed', number: { value: key.idNumber, kind: 'id' }, dateOfBirth: key.dateOfBirth };
    case 'document':
      return { source: 'typed', number: { value: key.documentNumber.replace(/</g, ''), kind: 'document' }, dateOfBirth: key.dateOfBirth };
    case 'mrz': {
      const m = parseMrz(key.mrz, { strict: false });
      return { source: 'typed', number: { value: m.documentNumber, kind: 'document' }, name: { text: `${m.surname} ${m.givenNames}`, diacritics: false }, dateOfBirth: m.dateOfBirth, sex: m.sex };
    }
    case 'can':
      return null;
  }
}

const spoken = (text: string): string => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
const yymmdd = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}` : date);

function sameName(entered: NonNullable<Entered['name']>, doc: DocumentData): boolean {
  // With diacritics on both sides (QR code and DG13), a name differing by one tone mark is another name.
  if (entered.diacritics && doc.vn?.fullName) return spoken(entered.text) === spoken(doc.vn.fullName);
  const mrzName = mrzComparableName(`${doc.surname} ${doc.givenNames}`);
  const given = mrzComparableName(entered.text);
  // DG1 may cut a long name short; a name with diacritics must start with it.
  return entered.diacritics ? given.startsWith(mrzName) : given === mrzName;
}

function sameNumber(entered: NonNullable<Entered['number']>, doc: DocumentData): boolean {
  if (entered.kind === 'document') return entered.value === doc.documentNumber;
  return entered.value === (doc.vn?.idNumber?.replace(/\s/g, '') || doc.personalNumber || doc.documentNumber);
}

function sameDateOfBirth(entered: string, doc: DocumentData): boolean {
  const chip = doc.vn?.dateOfBirth ?? doc.dateOfBirth;
  return /^\d{6}$/.test(entered) || !/^\d{4}-/.test(chip) ? yymmdd(entered) === yymmdd(chip) : entered === chip;
}

function chipSex(doc: DocumentData): 'M' | 'F' | 'X' {
  return (doc.vn?.sex ? sexOfWord(doc.vn.sex.normalize('NFC')) : null) ?? doc.sex;
}

/** The fields of `key` that differ from the chip's data, as ENTERED_DATA_MISMATCH warnings. */
export function compareEnteredWithChip(key: EnteredKey, doc: DocumentData | null): Warning[] {
  if (!doc) return [];
  let entered: Entered | null;
  try {
    entered = enteredData(key);
  } catch (e) {
    // The key opened the chip, so it parsed once; a text that does not parse again has nothing to compare.
    if (isEidError(e)) return [];
    throw e;
  }
  if (!entered) return [];
  const differs: Field[] = [];
  if (entered.name && !sameName(entered.name, doc)) differs.push('name');
  if (entered.dateOfBirth && !sameDateOfBirth(entered.dateOfBirth, doc)) differs.push('dateOfBirth');
  if (entered.sex && entered.sex !== 'X' && chipSex(doc) !== 'X' && entered.sex !== chipSex(doc)) differs.push('sex');
  if (entered.number && !sameNumber(entered.number, doc)) differs.push('number');
  const source = entered.source;
  return differs.map((field) => warning('ENTERED_DATA_MISMATCH', { source, field }));
}
