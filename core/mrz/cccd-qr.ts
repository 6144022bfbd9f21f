/**
 * The QR code of Vietnamese cards (docs/design/vn-cccd.md §4): fields split on '|' by position.
 * 2021 CCCD (front): ID12 | old CMND9 | full name | DOB ddmmyyyy | sex (SEX_WORDS) | address | issue ddmmyyyy.
 * 2024 identity card (back): at least 10 fields; the first 7 keep the 2021 meaning, the rest are kept raw.
 */
import { parseHumanDate, toIso } from './dates.ts';
import { qrInvalid } from './errors.ts';
import { sexOfWord } from './card-words.ts';

export type CccdQrKind = 'CCCD_2021' | 'CAN_CUOC_2024' | 'UNKNOWN_LAYOUT';

export interface CccdQr {
  readonly kind: CccdQrKind;
  readonly idNumber: string;
  readonly oldIdNumber: string | null;
  /** NFC-normalised, with diacritics. */
  readonly fullName: string;
  /** ISO 8601 */
  readonly dateOfBirth: string;
  readonly sex: 'M' | 'F' | null;
  /** As printed (SEX_WORDS). */
  readonly sexText: string;
  readonly address: string;
  /** ISO 8601 */
  readonly dateOfIssue: string;
  /** Fields after the seventh, NFC-normalised, meaning not yet documented. */
  readonly extraFields: readonly string[];
}

/** A QR code holds at most ~3 KB; anything longer is not a card's QR. */
const MAX_QR_LENGTH = 4096;
const MAX_FIELDS = 64;

function qrDate(text: string, which: 'birth' | 'issue'): string {
  if (!/^\d{8}$/.test(text)) throw qrInvalid(which === 'birth' ? 'birthDateFormat' : 'issueDateFormat');
  try {
    return toIso(parseHumanDate(text, which === 'birth' ? 'dateOfBirth' : 'dateOfExpiry', 'birth')!);
  } catch {
    throw qrInvalid(which === 'birth' ? 'birthDateInvalid' : 'issueDateInvalid');
  }
}

export function parseCccdQr(text: string): CccdQr {
  if (text.length > MAX_QR_LENGTH) throw qrInvalid('tooLong');
  const fields = text.normalize('NFC').replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '').split('|').map((f) => f.trim());
  if (fields.length < 7 || fields.length > MAX_FIELDS) {
    throw qrInvalid('fieldCount', `${fields.length} fields`);
  }
  const [id, oldId, name, dob, sexText, address, issued] = fields as [string, string, string, string, string, string, string];
  if (!/^\d{12}$/.test(id)) throw qrInvalid('idNumber');
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) throw qrInvalid('oldIdNumber');
  if (name === '') throw qrInvalid('nameEmpty');
  const sex = sexOfWord(sexText);
  const kind: CccdQrKind = fields.length === 7 ? 'CCCD_2021' : fields.length >= 10 ? 'CAN_CUOC_2024' : 'UNKNOWN_LAYOUT';
  return {
    kind,
    idNumber: id,
    oldIdNumber: oldId === '' ? null : oldId,
    fullName: name,
    dateOfBirth: qrDate(dob, 'birth'),
    sex,
    sexText,
    address,
    dateOfIssue: qrDate(issued, 'issue'),
    extraFields: fields.slice(7),
  };
}
