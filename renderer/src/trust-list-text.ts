/**
 * The status bar's trust list: when an import or the registry last updated it; otherwise the list
 * shipped with the terminal, with its date (it is in use, not "never updated"); otherwise none.
 */
import type { Status } from '../../core/api/terminal-api.ts';
import { formatDate, formatDateTime } from './dates.ts';
import { t, type Lang } from './text.ts';

export function trustListText(lang: Lang, status: Pick<Status, 'trustListUpdatedAt' | 'shippedTrustListDate'>): string {
  const state = status.trustListUpdatedAt
    ? t(lang, 'status.trustUpdated', { time: formatDateTime(lang, status.trustListUpdatedAt) })
    : status.shippedTrustListDate
      ? t(lang, 'status.trustShipped', { date: formatDate(lang, status.shippedTrustListDate) })
      : t(lang, 'status.trustNone');
  return `${t(lang, 'status.trustList')}: ${state}`;
}
