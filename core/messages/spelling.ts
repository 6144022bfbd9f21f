/**
 * The one Vietnamese spelling convention of the catalogue: the tone mark sits on the main vowel,
 * as Decision 1989/QĐ-BGDĐT (2018) of the Ministry of Education and Training prescribes. In the
 * open syllables oa, oe and uy the main vowel is the second one: "hoà", "khoá", "khoẻ", "huỷ",
 * "thuỷ" (never "hòa", "khóa", "khỏe", "hủy", "thủy"). In "qu" the u belongs to the consonant, so
 * "quý" is written the same under either convention.
 */

/** The text docs/reference/messages.md states. */
export const SPELLING_RULE =
  'Tone marks sit on the main vowel (Decision 1989/QĐ-BGDĐT, 2018): in an open syllable ending in oa, oe or uy the mark goes on the ' +
  'second vowel: "hoà", "khoá", "khoẻ", "huỷ", "thuỷ"; "quý" is the same either way, since the u of "qu" belongs to the consonant.';

/** A tone mark on the first vowel of oa, oe or uy at the end of a syllable: the older placement. */
const OLD_PLACEMENT = /[òóỏõọ][ae](?!\p{L})|[ùúủũụ]y(?!\p{L})/giu;

/** The syllable endings written the older way in `text` (empty when it keeps the convention). */
export function oldTonePlacements(text: string): string[] {
  return [...text.normalize('NFC').matchAll(OLD_PLACEMENT)].map((m) => m[0]);
}
