import { useEffect, useState } from 'react';
import { formatDate } from '../dates.ts';
import type { Lang } from '../text.ts';

/** dd/mm/yyyy (or with dots or dashes) as an ISO date; null when it is not a real day. */
export function isoFromDmy(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date typed as the card and the clerk write it (dd/mm/yyyy), whatever the browser's locale
 * (a native date picker follows the browser, not the screen's language). `onChange` gets the ISO
 * date, or '' while the text is empty or not yet a date.
 */
export function DateInput({ lang, label, value, onChange }: { lang: Lang; label: string; value: string; onChange: (iso: string) => void }) {
  const [text, setText] = useState(value ? formatDate(lang, value) : '');
  useEffect(() => {
    if (!value) setText('');
  }, [value]);
  const invalid = text.trim() !== '' && isoFromDmy(text) === null;
  return (
    <label>
      {label}{' '}
      <input
        className="date-input"
        value={text}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          onChange(isoFromDmy(e.target.value) ?? '');
        }}
      />
    </label>
  );
}
