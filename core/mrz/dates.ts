/**
 * Date handling for MRZ (YYMMDD), DG13 (dd/mm/yyyy), the CCCD QR (ddmmyyyy) and ISO 8601.
 * MRZ years have two digits, so a century rule decides: a birth date is in the past, an expiry
 * lies within 50 years of today either way. `991231` is the "no expiry" marker of CCCD cards.
 */
import { mrzInvalid, type MrzField } from './errors.ts';

export const NO_EXPIRY = '991231';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) && d.year >= 1 && d.year <= 9999 &&
    Number.isInteger(d.month) && d.month >= 1 && d.month <= 12 &&
    Number.isInteger(d.day) && d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function toIso(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function toYymmdd(d: CalendarDate): string {
  return `${pad(d.year % 100)}${pad(d.month)}${pad(d.day)}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function fromJsDate(date: Date): CalendarDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The same day `years` later. A 29 February birthday lands on 28 February in common years
 * (`leapDay: 'feb28'`) or on 1 March (`'mar1'`); which one a card uses is not documented.
 */
export function addYears(d: CalendarDate, years: number, leapDay: 'feb28' | 'mar1' = 'feb28'): CalendarDate {
  const year = d.year + years;
  if (d.month === 2 && d.day === 29 && daysInMonth(year, 2) === 28) {
    return leapDay === 'feb28' ? { year, month: 2, day: 28 } : { year, month: 3, day: 1 };
  }
  return { year, month: d.month, day: d.day };
}

export function parseIsoDate(text: string, field: MrzField): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (!d || !isValidDate(d)) throw mrzInvalid(field, 'isoDate');
  return d;
}

function parseYymmddParts(text: string, field: MrzField): { yy: number; month: number; day: number } {
  if (!/^\d{6}$/.test(text)) throw mrzInvalid(field, 'yymmdd');
  return { yy: Number(text.slice(0, 2)), month: Number(text.slice(2, 4)), day: Number(text.slice(4, 6)) };
}

function checked(d: CalendarDate, text: string, field: MrzField): CalendarDate {
  if (!isValidDate(d)) throw mrzInvalid(field, 'calendarDate');
  return d;
}

/** Birth dates are never in the future: the latest century that keeps the date on or before today. */
export function birthDateFromYymmdd(text: string, today: Date = new Date()): CalendarDate {
  const { yy, month, day } = parseYymmddParts(text, 'dateOfBirth');
  const now = fromJsDate(today);
  const century = Math.floor(now.year / 100) * 100;
  let d: CalendarDate = { year: century + yy, month, day };
  if (compareDates(d, now) > 0) d = { year: century - 100 + yy, month, day };
  return checked(d, text, 'dateOfBirth');
}

/** Expiry within 50 years of today, or null for the `991231` no-expiry marker. */
export function expiryDateFromYymmdd(text: string, today: Date = new Date()): CalendarDate | null {
  if (text === NO_EXPIRY) return null;
  const { yy, month, day } = parseYymmddParts(text, 'dateOfExpiry');
  const nowYear = today.getUTCFullYear();
  const century = Math.floor(nowYear / 100) * 100;
  let year = century + yy;
  if (year > nowYear + 50) year -= 100;
  else if (year < nowYear - 50) year += 100;
  return checked({ year, month, day }, text, 'dateOfExpiry');
}

/**
 * A date typed or scanned by a person or read from a card, in any of the forms the terminal meets:
 * YYYY-MM-DD, dd/mm/yyyy (DG13), ddmmyyyy (QR), YYMMDD (MRZ; birth or expiry century rule).
 */
export function parseHumanDate(text: string, field: MrzField, kind: 'birth' | 'expiry', today: Date = new Date()): CalendarDate | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return parseIsoDate(t, field);
  let m = /^(\d{2})[/.-](\d{2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return checked({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }, t, field);
  m = /^\d{6}$/.exec(t);
  if (m) return kind === 'birth' ? birthDateFromYymmdd(t, today) : expiryDateFromYymmdd(t, today);
  throw mrzInvalid(field, 'anyDate');
}
