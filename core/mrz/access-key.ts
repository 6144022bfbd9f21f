/**
 * Access-key inputs for BAC and PACE (ICAO 9303-11 §9.7.1 / §4.4.1): MRZ_information is
 * docNo + cd + DOB + cd + expiry + cd; PACE can use the 6-digit CAN instead.
 */
import { checkDigitChar } from './check-digit.ts';
import { NO_EXPIRY, parseHumanDate, toYymmdd } from './dates.ts';
import { mrzInvalid } from './errors.ts';
import { parseMrz, type ParseMrzOptions } from './parse.ts';
import type { ParsedMrz } from './types.ts';

export interface MrzInformation {
  /** Document number as used in the key: padded to 9 with '<' when shorter, the full number when longer. */
  readonly documentNumber: string;
  /** YYMMDD */
  readonly dateOfBirth: string;
  /** YYMMDD (`991231` for a CCCD without expiry) */
  readonly dateOfExpiry: string;
  /** The MRZ_information string whose SHA-1 seeds the BAC keys and the PACE MRZ password. */
  readonly value: string;
}

/** How the chip is to be opened: MRZ-derived key (BAC or PACE) or the Card Access Number (PACE). */
export type AccessKey = { readonly kind: 'MRZ'; readonly mrz: MrzInformation } | { readonly kind: 'CAN'; readonly can: string };

const MAX_DOC_NUMBER = 35;

/** (b) From document number, date of birth and expiry (YYMMDD, YYYY-MM-DD or DD/MM/YYYY). */
export function mrzInformation(documentNumber: string, dateOfBirth: string, dateOfExpiry: string, today?: Date): MrzInformation {
  const docNo = documentNumber.trim().toUpperCase().replace(/[\s-]/g, '');
  if (docNo.length === 0 || docNo.length > MAX_DOC_NUMBER || !/^[A-Z0-9<]+$/.test(docNo)) {
    throw mrzInvalid('documentNumber', 'lettersAndDigits');
  }
  const field = docNo.length < 9 ? docNo.padEnd(9, '<') : docNo;
  const dob = toYymmdd(parseHumanDate(dateOfBirth, 'dateOfBirth', 'birth', today)!);
  const expiryDate = dateOfExpiry.trim() === NO_EXPIRY ? null : parseHumanDate(dateOfExpiry, 'dateOfExpiry', 'expiry', today);
  const expiry = expiryDate ? toYymmdd(expiryDate) : NO_EXPIRY;
  const value = `${field}${checkDigitChar(field, 'documentNumber')}${dob}${checkDigitChar(dob)}${expiry}${checkDigitChar(expiry)}`;
  return { documentNumber: field, dateOfBirth: dob, dateOfExpiry: expiry, value };
}

/** (a) From a full MRZ (text or already parsed): the fields the chip's key was made from. */
export function mrzInformationFromMrz(mrz: string | ParsedMrz, options?: ParseMrzOptions): MrzInformation {
  const parsed = typeof mrz === 'string' ? parseMrz(mrz, options) : mrz;
  if (parsed.dateOfBirth.includes('<') || parsed.dateOfExpiry.includes('<')) {
    // Unknown date parts are fillers in the key too; the printed fields are used as they are.
    const field = parsed.documentNumber.length < 9 ? parsed.documentNumber.padEnd(9, '<') : parsed.documentNumber;
    const value = `${field}${checkDigitChar(field)}${parsed.dateOfBirth}${checkDigitChar(parsed.dateOfBirth)}${parsed.dateOfExpiry}${checkDigitChar(parsed.dateOfExpiry)}`;
    return { documentNumber: field, dateOfBirth: parsed.dateOfBirth, dateOfExpiry: parsed.dateOfExpiry, value };
  }
  return mrzInformation(parsed.documentNumber, parsed.dateOfBirth, parsed.dateOfExpiry, options?.today);
}

/** Card Access Number: the 6 digits printed on cards that support PACE-CAN. */
export function canKey(text: string): AccessKey {
  const can = text.trim();
  if (!/^\d{6}$/.test(can)) throw mrzInvalid('can', 'canDigits');
  return { kind: 'CAN', can };
}
