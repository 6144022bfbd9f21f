/**
 * Access keys for Vietnamese cards from what the clerk has: the 12-digit ID printed on the face
 * (+ birth date, + expiry when printed) or the QR code. The BAC document number is the LAST 9
 * digits of the ID (docs/design/vn-cccd.md §2.3); using all 12 or the first 9 gives a wrong key.
 */
import { mrzInformation, type MrzInformation } from './access-key.ts';
import { cccdExpiryCandidates, cccdExpiryCandidatesWithoutIssueDate, type ExpiryCandidate } from './cccd-expiry.ts';
import { parseCccdQr, type CccdQr } from './cccd-qr.ts';
import { compareDates, fromJsDate, parseHumanDate, parseIsoDate, toIso, type CalendarDate } from './dates.ts';
import { mrzInvalid } from './errors.ts';
import { isNoExpiryText } from './card-words.ts';

export interface MrzKeyCandidate {
  readonly mrz: MrzInformation;
  /** The expiry assumption behind this key, so the reader can report which one opened the chip. */
  readonly expiry: ExpiryCandidate;
}

/** The 9-digit BAC document number of a 12-digit Vietnamese personal ID. */
export function cccdDocumentNumber(idNumber: string): string {
  const id = idNumber.trim();
  if (!/^\d{12}$/.test(id)) throw mrzInvalid('idNumber', 'idDigits');
  return id.slice(3);
}

/** A birth date after today is a typing or scanning mistake, not a key worth trying on the chip. */
function pastBirthDate(dob: CalendarDate, today: Date = new Date()): CalendarDate {
  if (compareDates(dob, fromJsDate(today)) > 0) throw mrzInvalid('dateOfBirth', 'futureBirthDate');
  return dob;
}

function candidatesFor(docNo: string, dobIso: string, expiries: readonly ExpiryCandidate[]): MrzKeyCandidate[] {
  return expiries.map((expiry) => ({ mrz: mrzInformation(docNo, dobIso, expiry.yymmdd), expiry }));
}

/**
 * (c) From the 12-digit ID and birth date; with the printed expiry that is the one key, without
 * it the milestone candidates (next milestone first).
 */
export function cccdKeyCandidates(idNumber: string, dateOfBirth: string, dateOfExpiry?: string | null, today?: Date): MrzKeyCandidate[] {
  const docNo = cccdDocumentNumber(idNumber);
  const dob = pastBirthDate(parseHumanDate(dateOfBirth, 'dateOfBirth', 'birth', today)!, today);
  if (dateOfExpiry !== undefined && dateOfExpiry !== null && dateOfExpiry.trim() !== '') {
    const text = dateOfExpiry.trim();
    const noExpiry = text === '991231' || isNoExpiryText(text);
    const expiry = noExpiry ? null : parseHumanDate(text, 'dateOfExpiry', 'expiry', today);
    const mrz = mrzInformation(docNo, toIso(dob), expiry ? toIso(expiry) : '991231', today);
    return [{ mrz, expiry: { yymmdd: mrz.dateOfExpiry, iso: expiry ? toIso(expiry) : null, rule: null, age: null, leapDayAsMarch1: false } }];
  }
  return candidatesFor(docNo, toIso(dob), cccdExpiryCandidatesWithoutIssueDate(dob, today));
}

/** (d) From the QR code text: ID and birth date from the code, expiry derived from the issue date. */
export function cccdQrKeyCandidates(qrText: string, today?: Date): { qr: CccdQr; candidates: MrzKeyCandidate[] } {
  const qr = parseCccdQr(qrText);
  const dob = pastBirthDate(parseIsoDate(qr.dateOfBirth, 'dateOfBirth'), today);
  const issued = parseIsoDate(qr.dateOfIssue, 'dateOfExpiry');
  return { qr, candidates: candidatesFor(cccdDocumentNumber(qr.idNumber), qr.dateOfBirth, cccdExpiryCandidates(dob, issued)) };
}
