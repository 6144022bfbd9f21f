/** core/mrz: MRZ parsing and check digits, access-key inputs, CCCD QR and expiry derivation. */
export { checkDigit, checkDigitChar, isValidCheckDigit } from './check-digit.ts';
export { MrzError, mrzInvalid, qrInvalid, type MrzField } from './errors.ts';
export { NO_EXPIRY, birthDateFromYymmdd, expiryDateFromYymmdd, parseHumanDate, toIso, toYymmdd, type CalendarDate } from './dates.ts';
export { parseMrz, splitMrzLines, type ParseMrzOptions } from './parse.ts';
export type { ParsedMrz, MrzFormat, CheckDigitField } from './types.ts';
export { mrzInformation, mrzInformationFromMrz, canKey, type MrzInformation, type AccessKey } from './access-key.ts';
export { CCCD_MILESTONES, cccdExpiryCandidates, cccdExpiryCandidatesWithoutIssueDate, type ExpiryCandidate } from './cccd-expiry.ts';
export { parseCccdQr, type CccdQr, type CccdQrKind } from './cccd-qr.ts';
export { cccdDocumentNumber, cccdKeyCandidates, cccdQrKeyCandidates, type MrzKeyCandidate } from './cccd-key.ts';
