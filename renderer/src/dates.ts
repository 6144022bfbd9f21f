/**
 * Dates and times as the clerk reads them: in the screen's language (dd/mm/yyyy in both), never
 * in the browser's own locale.
 */
import type { Lang } from './text.ts';

export const LOCALES: Readonly<Record<Lang, string>> = { vi: 'vi-VN', en: 'en-GB' };

export function formatDateTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A day (an ISO date is a calendar day, shown as is in every time zone) or the day of an ISO time; other text unchanged. */
export function formatDate(lang: Lang, iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  if (!day && !/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  return new Date(iso).toLocaleDateString(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', ...(day && { timeZone: 'UTC' }) });
}

export function formatTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleTimeString(LOCALES[lang], { hour: '2-digit', minute: '2-digit' });
}
