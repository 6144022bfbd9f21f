/** English: errors of the document data (MRZ, the CCCD QR code, LDS files, dump folders, the document factory). */
import { template } from '../../define.ts';

/** The MRZ or key field an MRZ_INVALID names, so the clerk knows which box to type again. */
export const MRZ_FIELDS = [
  'format', 'documentCode', 'issuingState', 'documentNumber', 'idNumber', 'dateOfBirth', 'sex', 'dateOfExpiry',
  'nationality', 'optionalData', 'composite', 'name', 'can',
] as const;
export type MrzField = (typeof MRZ_FIELDS)[number];

/** What is wrong with it. */
export const MRZ_PROBLEMS = [
  'checkDigit', 'characters', 'character', 'tooLong', 'lineLengths', 'empty', 'lettersAndDigits', 'noCheckDigit',
  'documentCode', 'stateCode', 'sex', 'idDigits', 'canDigits', 'futureBirthDate', 'isoDate', 'yymmdd',
  'calendarDate', 'anyDate',
] as const;
export type MrzProblem = (typeof MRZ_PROBLEMS)[number];

/** What is wrong with a CCCD QR code. */
export const QR_PROBLEMS = [
  'tooLong', 'fieldCount', 'idNumber', 'oldIdNumber', 'nameEmpty', 'birthDateFormat', 'birthDateInvalid',
  'issueDateFormat', 'issueDateInvalid',
] as const;
export type QrProblem = (typeof QR_PROBLEMS)[number];

export const MRZ_FIELD_NAMES: Record<MrzField, string> = {
  format: 'format', documentCode: 'document code', issuingState: 'issuing state', documentNumber: 'document number',
  idNumber: 'personal ID number', dateOfBirth: 'date of birth', sex: 'sex', dateOfExpiry: 'date of expiry',
  nationality: 'nationality', optionalData: 'optional data', composite: 'composite check digit', name: 'name', can: 'CAN',
};

const MRZ_PROBLEM_TEXTS: Record<MrzProblem, string> = {
  checkDigit: 'the check digit does not match (a mistyped or misread character?)',
  characters: 'only A-Z, 0-9 and < may appear',
  character: 'a character that an MRZ does not allow',
  tooLong: 'the text is too long for an MRZ',
  lineLengths: 'not 3 lines of 30, 2 of 36 or 2 of 44 characters',
  empty: 'it is empty',
  lettersAndDigits: 'only letters and digits are allowed',
  noCheckDigit: 'a long document number without its check digit',
  documentCode: 'not a document code',
  stateCode: 'not a state code',
  sex: 'not M, F or <',
  idDigits: 'the personal ID number has 12 digits',
  canDigits: 'the CAN has 6 digits',
  futureBirthDate: 'the date of birth is in the future',
  isoDate: 'not a date (YYYY-MM-DD)',
  yymmdd: 'not a date (YYMMDD)',
  calendarDate: 'no such day in the calendar',
  anyDate: 'not a date (use DD/MM/YYYY, YYYY-MM-DD or YYMMDD)',
};

const QR_PROBLEM_TEXTS: Record<QrProblem, string> = {
  tooLong: 'the text is too long',
  fieldCount: "fewer than 7 fields separated by '|'",
  idNumber: 'field 1 is not a 12-digit ID number',
  oldIdNumber: 'field 2 is not a 9-digit old ID number',
  nameEmpty: 'the name is empty',
  birthDateFormat: 'the date of birth is not ddmmyyyy',
  birthDateInvalid: 'the date of birth is no day in the calendar',
  issueDateFormat: 'the issue date is not ddmmyyyy',
  issueDateInvalid: 'the issue date is no day in the calendar',
};

export const documentErrors = {
  MRZ_INVALID: template({ field: MRZ_FIELDS, problem: MRZ_PROBLEMS }, (p) => `MRZ ${MRZ_FIELD_NAMES[p.field]}: ${MRZ_PROBLEM_TEXTS[p.problem]}`),
  QR_INVALID: template({ problem: QR_PROBLEMS }, (p) => `The card's QR code was not understood: ${QR_PROBLEM_TEXTS[p.problem]}`),
  LDS_MALFORMED: template({ file: 'text' }, (p) => `${p.file} on the document is malformed`),
  DUMP_INVALID: 'The dump folder cannot be read',
  DUMP_NOT_FOUND: 'The dump folder cannot be read: no such folder, or no access',
  DUMP_INCOMPLETE: 'The dump folder has neither COM nor DG1',
  DUMP_FILE_TOO_LARGE: template({ file: 'text', maxBytes: 'number' }, (p) => `${p.file} is larger than ${p.maxBytes} bytes`),
  FACTORY_OPTION_NOT_APPLICABLE: template({ profile: 'text' }, (p) => `PACE-CAM needs PACE and a Chip Authentication key on the PACE curve; ${p.profile} has none`),
  FACTORY_VARIANT_NOT_APPLICABLE: template({ variant: 'text', profile: 'text' }, (p) => `Variant ${p.variant} does not apply to profile ${p.profile}`),
  FACTORY_BAD_KEY: 'A stored test key is incomplete',
};
