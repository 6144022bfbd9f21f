/**
 * Expiry of a Vietnamese card derived from the holder's birth date (docs/design/vn-cccd.md §4.3),
 * per the Law on Identification 26/2023/QH15 Art. 21: the card is renewed at 14, 25, 40 and 60, so
 * it runs to that birthday; a card issued, renewed or reissued within 2 years before one of these
 * ages stays valid to the next one (the window opens on the birthday 2 years before and includes
 * it); a card issued from 58 on has no expiry (MRZ `991231`). The 2014 Law on Citizen
 * Identification had the same rule without 14, and issued no card before 14, so one rule serves
 * both card generations. A 29 February birthday falls on 28 February in common years (the Civil
 * Code's month-end rule), with 1 March tried as well.
 * The QR code carries no expiry, so the reader tries the candidates in order.
 */
import { NO_EXPIRY, addYears, compareDates, fromJsDate, toIso, toYymmdd, type CalendarDate } from './dates.ts';
import type { ExpiryRule } from '../messages/catalogue/en/notes.ts';

export const CCCD_MILESTONES = [14, 25, 40, 60] as const;

export interface ExpiryCandidate {
  /** YYMMDD as in the MRZ (`991231` = no expiry). */
  readonly yymmdd: string;
  /** ISO 8601, or null for no expiry. */
  readonly iso: string | null;
  /** Why this candidate (null: the expiry was entered, not assumed); the ACCESS_KEY_ASSUMED note names it. */
  readonly rule: ExpiryRule | null;
  /** The birthday milestone it stands for; null for no expiry. */
  readonly age: number | null;
  /** A 29 February birthday taken as 1 March (the alternative to 28 February). */
  readonly leapDayAsMarch1: boolean;
}

function milestoneCandidate(dob: CalendarDate, age: number, rule: ExpiryRule, leapDay: 'feb28' | 'mar1' = 'feb28'): ExpiryCandidate {
  const d = addYears(dob, age, leapDay);
  return { yymmdd: toYymmdd(d), iso: toIso(d), rule, age, leapDayAsMarch1: leapDay === 'mar1' };
}

const noExpiry: ExpiryCandidate = { yymmdd: NO_EXPIRY, iso: null, rule: 'no-expiry', age: null, leapDayAsMarch1: false };

function dedupe(list: ExpiryCandidate[]): ExpiryCandidate[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.yymmdd) ? false : (seen.add(c.yymmdd), true)));
}

/** The milestones after the one the rule picked, then `991231`; 29 Feb birthdays add the 1 March variant. */
function withFallbacks(dob: CalendarDate, firstIndex: number, firstRule: ExpiryRule): ExpiryCandidate[] {
  const out: ExpiryCandidate[] = [];
  const leap = dob.month === 2 && dob.day === 29;
  for (let i = firstIndex; i < CCCD_MILESTONES.length; i++) {
    const age = CCCD_MILESTONES[i]!;
    const rule = i === firstIndex ? firstRule : 'next-milestone';
    out.push(milestoneCandidate(dob, age, rule));
    if (leap) out.push(milestoneCandidate(dob, age, rule, 'mar1'));
  }
  out.push(noExpiry);
  return dedupe(out);
}

/**
 * Ordered expiry candidates for a card whose holder was born on `dob` and which was issued on
 * `issued`: the milestone the law gives first, then the later milestones, then no expiry.
 */
export function cccdExpiryCandidates(dob: CalendarDate, issued: CalendarDate): ExpiryCandidate[] {
  for (let i = 0; i < CCCD_MILESTONES.length; i++) {
    const age = CCCD_MILESTONES[i]!;
    if (compareDates(issued, addYears(dob, age - 2)) < 0) {
      const skipped = i > 0 && compareDates(issued, addYears(dob, CCCD_MILESTONES[i - 1]!)) < 0;
      return withFallbacks(dob, i, skipped ? 'milestone-two-year' : 'milestone');
    }
  }
  return [noExpiry];
}

/**
 * Candidates when the issue date is unknown (manual entry of ID + birth date): the next
 * milestone after today first, the later ones, no expiry, and last the milestone just passed
 * (an expired card still opens).
 */
export function cccdExpiryCandidatesWithoutIssueDate(dob: CalendarDate, today: Date = new Date()): ExpiryCandidate[] {
  const now = fromJsDate(today);
  const next = CCCD_MILESTONES.findIndex((age) => compareDates(addYears(dob, age), now) >= 0);
  const out = next < 0 ? [noExpiry] : withFallbacks(dob, next, 'next-milestone');
  const lastPassed = next < 0 ? CCCD_MILESTONES.length - 1 : next - 1;
  if (lastPassed >= 0) out.push(milestoneCandidate(dob, CCCD_MILESTONES[lastPassed]!, 'passed-milestone'));
  return dedupe(out);
}
