/**
 * The dates of an export made for a spreadsheet, as the clerk reads them: a time in the clerk's
 * time zone, a day (birth, issue, expiry) as printed on the card; dd/mm/yyyy in both languages.
 * A day is never moved by a time zone. The CSV for programs keeps ISO 8601 (export.ts).
 */
import { storeError } from './errors.ts';

export interface SpreadsheetDates {
  readonly timeZone: string;
  /** An ISO time as dd/mm/yyyy HH:mm:ss in the time zone; anything else as it is. */
  time(value: string | null | undefined): string | null | undefined;
  /** An ISO day as dd/mm/yyyy; anything else (a partial date as printed) as it is. */
  day(value: string | null | undefined): string | null | undefined;
}

export function spreadsheetDates(timeZone: string): SpreadsheetDates {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  } catch {
    throw storeError('QUERY_INVALID', `no such time zone: ${timeZone}`);
  }
  return {
    timeZone,
    time: (value) => {
      const at = value ? new Date(value) : null;
      if (!at || !/^\d{4}-\d{2}-\d{2}T/.test(value!) || Number.isNaN(at.getTime())) return value;
      const p = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
      return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
    },
    day: (value) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
      return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
    },
  };
}
