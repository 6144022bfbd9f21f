/**
 * The Vietnamese words the cards themselves carry (printed, in the QR code, in DG13): data the
 * terminal parses and the factory writes, never text it shows. What the clerk reads is in
 * core/messages.
 */

/** DG13 field 12 and the printed expiry of a card that does not expire. */
export const NO_EXPIRY_TEXT = 'Không thời hạn';

/** The card's name as it prints it (in capitals): what a FHIR identifier's text calls the ID number. */
export const CARD_NAME = 'Căn cước công dân';

/** The nationality of a citizen as DG13 writes it. */
export const NATIONALITY_VN = 'Việt Nam';

/** The sex as the QR code and DG13 write it. */
export const SEX_WORDS = { M: 'Nam', F: 'Nữ' } as const;

export function isNoExpiryText(text: string): boolean {
  return /^kh[oô]ng\s+th[oờ]i\s+h[aạ]n$/i.test(text.normalize('NFC').trim());
}

export function sexOfWord(word: string): 'M' | 'F' | null {
  return word === SEX_WORDS.M ? 'M' : word === SEX_WORDS.F ? 'F' : null;
}

/**
 * A name as the MRZ spells it, for comparing and searching: diacritics dropped, đ as D, upper
 * case (the card's "Nguyễn Văn Đức" and the MRZ's "NGUYEN VAN DUC" agree).
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'D').toUpperCase();
}
