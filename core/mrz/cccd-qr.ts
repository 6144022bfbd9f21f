/**
 * The QR code of Vietnamese cards (docs/design/vn-cccd.md §4): fields split on '|' by position.
 * 2021 CCCD (front): ID12 | old CMND9 | full name | DOB ddmmyyyy | Nam/Nữ | address | issue ddmmyyyy.
 * 2024 căn cước (back): at least 10 fields; the first 7 keep the 2021 meaning, the rest are kept raw.
 */
import { parseHumanDate, toIso } from './dates.ts';
import { qrInvalid } from './errors.ts';

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
  /** As printed ("Nam" / "Nữ"). */
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

function qrDate(text: string, what: string): string {
  if (!/^\d{8}$/.test(text)) throw qrInvalid(`${what} '${text}' is not ddmmyyyy`, `${what} '${text}' không đúng dạng ngàythángnăm`);
  try {
    return toIso(parseHumanDate(text, what === 'birth date' ? 'dateOfBirth' : 'dateOfExpiry', 'birth')!);
  } catch {
    throw qrInvalid(`${what} '${text}' is not a calendar date`, `${what} '${text}' không phải ngày có thật`);
  }
}

export function parseCccdQr(text: string): CccdQr {
  if (text.length > MAX_QR_LENGTH) throw qrInvalid('text too long', 'chuỗi quá dài');
  const fields = text.normalize('NFC').replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '').split('|').map((f) => f.trim());
  if (fields.length < 7 || fields.length > MAX_FIELDS) {
    throw qrInvalid(`expected 7 or more '|'-separated fields, found ${fields.length}`, `cần ít nhất 7 trường ngăn cách bởi '|', có ${fields.length}`);
  }
  const [id, oldId, name, dob, sexText, address, issued] = fields as [string, string, string, string, string, string, string];
  if (!/^\d{12}$/.test(id)) throw qrInvalid('field 1 is not a 12-digit ID number', 'trường 1 không phải số định danh 12 chữ số');
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) throw qrInvalid('field 2 is not a 9-digit old ID number', 'trường 2 không phải số CMND 9 chữ số');
  if (name === '') throw qrInvalid('the name is empty', 'họ tên trống');
  const sex = sexText === 'Nam' ? 'M' : sexText === 'Nữ' ? 'F' : null;
  const kind: CccdQrKind = fields.length === 7 ? 'CCCD_2021' : fields.length >= 10 ? 'CAN_CUOC_2024' : 'UNKNOWN_LAYOUT';
  return {
    kind,
    idNumber: id,
    oldIdNumber: oldId === '' ? null : oldId,
    fullName: name,
    dateOfBirth: qrDate(dob, 'birth date'),
    sex,
    sexText,
    address,
    dateOfIssue: qrDate(issued, 'issue date'),
    extraFields: fields.slice(7),
  };
}
