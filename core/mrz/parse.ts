/**
 * MRZ parsing: TD1 (3x30), TD2 (2x36), TD3 (2x44) per ICAO 9303 Parts 4-6, long document
 * numbers per Part 11 App. D.2, and the Vietnamese CCCD TD1 layout (docs/design/vn-cccd.md §2):
 * line 1 carries the last 9 digits of the 12-digit ID as document number, then the full ID at
 * positions 16-27 and that ID's own check digit at position 30.
 */
import { isValidCheckDigit } from './check-digit.ts';
import { birthDateFromYymmdd, expiryDateFromYymmdd, toIso } from './dates.ts';
import { checkDigitMismatch, mrzInvalid, type MrzField } from './errors.ts';
import type { CheckDigitField, MrzFormat, ParsedMrz } from './types.ts';

export interface ParseMrzOptions {
  /** Throw MRZ_INVALID on any check-digit mismatch (default). Off for chip data already protected by the SOD. */
  readonly strict?: boolean;
  /** "Today" for the century rules (tests pin it). */
  readonly today?: Date;
}

const LINE_SHAPES: Record<MrzFormat, { lines: number; width: number }> = {
  TD1: { lines: 3, width: 30 },
  TD2: { lines: 2, width: 36 },
  TD3: { lines: 2, width: 44 },
};

/** Longest MRZ text accepted (TD1 with separators and some slack); longer input is not an MRZ. */
const MAX_INPUT = 200;

/** Splits typed or scanned MRZ text (line breaks optional, as in DG1) into its lines. */
export function splitMrzLines(text: string): { format: MrzFormat; lines: string[] } {
  if (text.length > MAX_INPUT) throw mrzInvalid('format', 'tooLong');
  const upper = text.toUpperCase().replace(/[ \t\r]/g, '');
  const byLine = upper.split('\n').filter((l) => l.length > 0);
  const joined = byLine.join('');
  if (!/^[0-9A-Z<]*$/.test(joined)) throw mrzInvalid('format', 'characters');
  for (const [format, shape] of Object.entries(LINE_SHAPES) as [MrzFormat, { lines: number; width: number }][]) {
    const fitsLines = byLine.length === shape.lines && byLine.every((l) => l.length === shape.width);
    const fitsJoined = byLine.length === 1 && joined.length === shape.lines * shape.width;
    if (fitsLines || fitsJoined) {
      const lines = Array.from({ length: shape.lines }, (_, i) => joined.slice(i * shape.width, (i + 1) * shape.width));
      return { format, lines };
    }
  }
  throw mrzInvalid('format', 'lineLengths', `lines of ${byLine.map((l) => l.length).join('+')} characters`);
}

const stripFillers = (s: string): string => s.replace(/<+$/, '');
const spaced = (s: string): string => s.replace(/<+$/, '').replace(/</g, ' ').trim();

function parseName(field: string): { surname: string; givenNames: string } {
  const at = field.indexOf('<<');
  if (at < 0) return { surname: spaced(field), givenNames: '' };
  return { surname: spaced(field.slice(0, at)), givenNames: spaced(field.slice(at + 2)) };
}

function parseSex(c: string): 'M' | 'F' | 'X' {
  if (c === 'M' || c === 'F') return c;
  if (c === '<' || c === 'X') return 'X';
  throw mrzInvalid('sex', 'sex');
}

/**
 * Document number and its check digit; a TD1/TD2 number longer than 9 characters has '<' in the
 * check-digit position and continues at the start of the optional data, ending with its real check digit.
 */
function documentNumber(field9: string, cd: string, optional: string): { number: string; cd: string; rest: string } {
  if (cd === '<' && optional.length > 0 && optional[0] !== '<') {
    const end = optional.indexOf('<');
    const overflow = end < 0 ? optional : optional.slice(0, end);
    if (overflow.length < 2) throw mrzInvalid('documentNumber', 'noCheckDigit');
    return { number: field9 + overflow.slice(0, -1), cd: overflow.slice(-1), rest: end < 0 ? '' : optional.slice(end) };
  }
  return { number: stripFillers(field9), cd, rest: optional };
}

interface Fields {
  documentCode: string;
  issuingState: string;
  docField: string;
  docCd: string;
  optionalData: string;
  optionalData2: string;
  dob: string;
  dobCd: string;
  sex: string;
  expiry: string;
  expiryCd: string;
  nationality: string;
  nameField: string;
  optionalCd: string | null;
  composite: string;
  compositeCd: string;
}

function fieldsOf(format: MrzFormat, lines: string[]): Fields {
  const [a, b, c = ''] = lines as [string, string, string?];
  if (format === 'TD1') {
    return {
      documentCode: a.slice(0, 2), issuingState: a.slice(2, 5), docField: a.slice(5, 14), docCd: a[14]!,
      optionalData: a.slice(15, 30), optionalData2: b.slice(18, 29),
      dob: b.slice(0, 6), dobCd: b[6]!, sex: b[7]!, expiry: b.slice(8, 14), expiryCd: b[14]!, nationality: b.slice(15, 18),
      nameField: c, optionalCd: null, composite: a.slice(5, 30) + b.slice(0, 7) + b.slice(8, 15) + b.slice(18, 29), compositeCd: b[29]!,
    };
  }
  if (format === 'TD2') {
    return {
      documentCode: a.slice(0, 2), issuingState: a.slice(2, 5), nameField: a.slice(5, 36),
      docField: b.slice(0, 9), docCd: b[9]!, nationality: b.slice(10, 13), dob: b.slice(13, 19), dobCd: b[19]!, sex: b[20]!,
      expiry: b.slice(21, 27), expiryCd: b[27]!, optionalData: b.slice(28, 35), optionalData2: '', optionalCd: null,
      composite: b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 35), compositeCd: b[35]!,
    };
  }
  return {
    documentCode: a.slice(0, 2), issuingState: a.slice(2, 5), nameField: a.slice(5, 44),
    docField: b.slice(0, 9), docCd: b[9]!, nationality: b.slice(10, 13), dob: b.slice(13, 19), dobCd: b[19]!, sex: b[20]!,
    expiry: b.slice(21, 27), expiryCd: b[27]!, optionalData: b.slice(28, 42), optionalData2: '', optionalCd: b[42]!,
    composite: b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 43), compositeCd: b[43]!,
  };
}

/** CCCD TD1 line 1: `ID VNM <9 digits> <cd> <12-digit ID> << <cd>` with the 9 digits = last 9 of the ID. */
function cccdIdNumber(f: Fields): { id: string; cd: string } | null {
  if (f.issuingState !== 'VNM') return null;
  const m = /^(\d{12})<<(\d)$/.exec(f.optionalData);
  if (!m || !/^\d$/.test(f.docCd) || m[1]!.slice(3) !== f.docField) return null;
  return { id: m[1]!, cd: m[2]! };
}

function isoOrNull(dob: string, today: Date | undefined): string | null {
  if (dob.includes('<')) return null;
  return toIso(birthDateFromYymmdd(dob, today));
}

export function parseMrz(text: string, options: ParseMrzOptions = {}): ParsedMrz {
  const strict = options.strict ?? true;
  const { format, lines } = splitMrzLines(text);
  const f = fieldsOf(format, lines);
  if (!/^[A-Z][A-Z<]$/.test(f.documentCode)) throw mrzInvalid('documentCode', 'documentCode');
  if (!/^[A-Z<]{3}$/.test(f.issuingState)) throw mrzInvalid('issuingState', 'stateCode');

  const errors: CheckDigitField[] = [];
  const check = (field: CheckDigitField & MrzField, value: string, cd: string): void => {
    if (isValidCheckDigit(value, cd, field)) return;
    if (strict) throw checkDigitMismatch(field);
    errors.push(field);
  };

  const cccd = format === 'TD1' ? cccdIdNumber(f) : null;
  // TD3 has no overflow: its optional data is the personal number.
  const doc = cccd
    ? { number: f.docField, cd: f.docCd, rest: f.optionalData }
    : documentNumber(f.docField, f.docCd, format === 'TD3' ? '' : f.optionalData);
  const optionalData = format === 'TD3' ? f.optionalData : doc.rest.replace(/^<+/, '');
  // The check digit covers the 9-character field when short, the full number when long.
  check('documentNumber', doc.number.length > 9 ? doc.number : f.docField, doc.cd);
  if (cccd) check('idNumber', cccd.id, cccd.cd);
  check('dateOfBirth', f.dob, f.dobCd);
  check('dateOfExpiry', f.expiry, f.expiryCd);
  if (f.optionalCd !== null) check('optionalData', f.optionalData, f.optionalCd);
  check('composite', f.composite, f.compositeCd);
  if (doc.number.replace(/</g, '') === '') {
    throw mrzInvalid('documentNumber', 'empty');
  }

  const { surname, givenNames } = parseName(f.nameField);
  const expiry = f.expiry.includes('<') ? null : expiryDateFromYymmdd(f.expiry, options.today);
  const personalNumber = cccd ? cccd.id : format === 'TD3' && stripFillers(optionalData) !== '' ? stripFillers(optionalData) : null;
  return {
    format,
    lines,
    documentCode: stripFillers(f.documentCode),
    issuingState: f.issuingState,
    documentNumber: doc.number,
    documentNumberCheckDigit: doc.cd,
    optionalData: stripFillers(optionalData),
    optionalData2: stripFillers(f.optionalData2),
    personalNumber,
    isVietnameseCccd: cccd !== null,
    surname,
    givenNames,
    nationality: f.nationality,
    dateOfBirth: f.dob,
    dateOfBirthIso: isoOrNull(f.dob, options.today),
    sex: parseSex(f.sex),
    dateOfExpiry: f.expiry,
    dateOfExpiryIso: expiry ? toIso(expiry) : null,
    checkDigitErrors: errors,
  };
}
