/**
 * MRZ text for factory documents (ICAO 9303-5 TD1, 9303-4 TD3), check digits from core/mrz.
 * A Vietnamese CCCD TD1 carries the last 9 digits of the 12-digit ID as document number and the
 * full ID in the optional data, followed by its own check digit (docs/design/vn-cccd.md §2).
 */
import { checkDigitChar } from '../../mrz/index.ts';

export interface MrzFields {
  readonly documentCode: string;
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly optionalData?: string;
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F' | 'X';
  readonly dateOfExpiry: string;
  readonly nationality: string;
  /** Already transliterated: SURNAME and GIVEN<NAMES. */
  readonly surname: string;
  readonly givenNames: string;
}

const fit = (text: string, length: number): string => text.padEnd(length, '<').slice(0, length);

function nameField(f: MrzFields, length: number): string {
  return fit(`${f.surname}<<${f.givenNames}`, length);
}

/** TD1 (3 x 30). `cccdIdNumber` puts the 12-digit ID + check digit in line 1's optional data. */
export function writeTd1(f: MrzFields, cccdIdNumber?: string): string {
  const doc = fit(f.documentNumber, 9);
  const optional1 = cccdIdNumber ? `${cccdIdNumber}<<${checkDigitChar(cccdIdNumber)}` : fit(f.optionalData ?? '', 15);
  const line1 = fit(`${fit(f.documentCode, 2)}${fit(f.issuingState, 3)}${doc}${checkDigitChar(doc)}${fit(optional1, 15)}`, 30);
  const line2Head = `${f.dateOfBirth}${checkDigitChar(f.dateOfBirth)}${f.sex}${f.dateOfExpiry}${checkDigitChar(f.dateOfExpiry)}${fit(f.nationality, 3)}${fit('', 11)}`;
  const composite = `${line1.slice(5, 30)}${line2Head.slice(0, 7)}${line2Head.slice(8, 15)}${line2Head.slice(18, 29)}`;
  const line2 = `${line2Head}${checkDigitChar(composite)}`;
  return [line1, line2, nameField(f, 30)].join('\n');
}

/** TD3 (2 x 44), passports. */
export function writeTd3(f: MrzFields): string {
  const doc = fit(f.documentNumber, 9);
  const optional = fit(f.optionalData ?? '', 14);
  const optionalCd = /^<*$/.test(optional) ? '<' : checkDigitChar(optional);
  const head = `${fit(f.documentCode, 2)}${fit(f.issuingState, 3)}`;
  const first = fit(`${head}${nameField(f, 39)}`, 44);
  const body = `${doc}${checkDigitChar(doc)}${fit(f.nationality, 3)}${f.dateOfBirth}${checkDigitChar(f.dateOfBirth)}${f.sex}${f.dateOfExpiry}${checkDigitChar(f.dateOfExpiry)}${optional}${optionalCd}`;
  const composite = `${body.slice(0, 10)}${body.slice(13, 20)}${body.slice(21, 43)}`;
  return [first, `${body}${checkDigitChar(composite)}`].join('\n');
}
