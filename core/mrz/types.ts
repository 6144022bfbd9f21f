/** The parsed MRZ of any ICAO 9303 document (TD1 cards, TD2, TD3 passports). */

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** Check digits of an MRZ that did not match, by field; empty when all match. */
export type CheckDigitField = 'documentNumber' | 'idNumber' | 'dateOfBirth' | 'dateOfExpiry' | 'optionalData' | 'composite';

export interface ParsedMrz {
  readonly format: MrzFormat;
  /** The lines exactly as read (30, 36 or 44 characters each). */
  readonly lines: readonly string[];
  /** e.g. "P", "I", "ID", "AC": filler '<' removed. */
  readonly documentCode: string;
  /** Three-letter code, fillers kept as printed (Germany is "D<<"). */
  readonly issuingState: string;
  /** Full document number without fillers, including the overflow part of a long number. */
  readonly documentNumber: string;
  readonly documentNumberCheckDigit: string;
  /** TD1 line 1 optional data / TD2, TD3 optional data, fillers removed at the end. */
  readonly optionalData: string;
  /** TD1 line 2 optional data, fillers removed at the end ("" for TD2/TD3). */
  readonly optionalData2: string;
  /** Vietnamese CCCD: the 12-digit personal ID number; TD3: the personal number (optional data); else null. */
  readonly personalNumber: string | null;
  /** The document is a Vietnamese citizen ID or identity card (TD1 with the 12-digit ID and its own check digit). */
  readonly isVietnameseCccd: boolean;
  readonly surname: string;
  readonly givenNames: string;
  readonly nationality: string;
  /** YYMMDD as printed ('<' for unknown parts kept). */
  readonly dateOfBirth: string;
  /** ISO 8601, or null when the printed date has unknown parts. */
  readonly dateOfBirthIso: string | null;
  readonly sex: 'M' | 'F' | 'X';
  /** YYMMDD as printed. */
  readonly dateOfExpiry: string;
  /** ISO 8601, or null for no expiry (`991231`). */
  readonly dateOfExpiryIso: string | null;
  /** Check digits that do not match (only ever non-empty when parsed with `strict: false`). */
  readonly checkDigitErrors: readonly CheckDigitField[];
}
