/** ICAO 9303 Part 3 §4.9 check digits: weights 7-3-1, '<' = 0, digits as is, A-Z = 10..35. */
import { mrzInvalid, type MrzField } from './errors.ts';

const WEIGHTS = [7, 3, 1] as const;

function charValue(c: string, field: MrzField): number {
  const code = c.charCodeAt(0);
  if (c === '<') return 0;
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw mrzInvalid(field, 'character');
}

export function checkDigit(text: string, field: MrzField = 'format'): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += charValue(text[i]!, field) * WEIGHTS[i % 3]!;
  return sum % 10;
}

export function checkDigitChar(text: string, field: MrzField = 'format'): string {
  return String(checkDigit(text, field));
}

/**
 * Whether `digit` is the check digit of `text`. A field made only of fillers may carry '<' as its
 * check digit (seen in TD3 optional data), so that is accepted too.
 */
export function isValidCheckDigit(text: string, digit: string, field: MrzField = 'format'): boolean {
  if (digit === '<') return /^<*$/.test(text);
  return /^[0-9]$/.test(digit) && checkDigit(text, field) === Number(digit);
}
