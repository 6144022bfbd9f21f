/**
 * The expiry of a Vietnamese card, Law on Identification 26/2023/QH15 Art. 21: renewal at 14, 25,
 * 40 and 60; a card issued, renewed or reissued within 2 years before one of these ages stays valid
 * to the next one; past the last one the card has no expiry (MRZ 991231). Each boundary is tested
 * on the day before, on the day, and at the milestone birthday itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cccdExpiryCandidates, cccdExpiryCandidatesWithoutIssueDate, type CalendarDate } from '../../../core/mrz/index.ts';

const date = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const expiryOf = (dob: string, issued: string): string | null => cccdExpiryCandidates(date(dob), date(issued))[0]!.iso;

const DOB = '1990-06-15';
const birthday = (age: number): string => `${1990 + age}-06-15`;

test('a card runs to the milestone the holder reaches next: 14, 25, 40, 60, then no expiry', () => {
  assert.equal(expiryOf(DOB, '1990-07-01'), birthday(14), 'issued as a baby (2023 law: cards for under-14s)');
  assert.equal(expiryOf(DOB, birthday(5)), birthday(14));
  assert.equal(expiryOf(DOB, birthday(18)), birthday(25));
  assert.equal(expiryOf(DOB, birthday(30)), birthday(40));
  assert.equal(expiryOf(DOB, birthday(45)), birthday(60));
  assert.equal(expiryOf(DOB, birthday(70)), null);
});

for (const [milestone, next] of [[14, 25], [25, 40], [40, 60], [60, null]] as const) {
  test(`the 2-year rule at ${milestone}: issued the day before ${milestone - 2} -> ${milestone}; from that day on -> ${next ?? 'no expiry'}`, () => {
    const windowOpens = birthday(milestone - 2);
    assert.equal(expiryOf(DOB, dayBefore(windowOpens)), birthday(milestone), 'one day before the 2-year window');
    const later = next === null ? null : birthday(next);
    assert.equal(expiryOf(DOB, windowOpens), later, 'the first day of the window (exactly 2 years before)');
    assert.equal(expiryOf(DOB, dayBefore(birthday(milestone))), later, 'the day before the milestone birthday');
    assert.equal(expiryOf(DOB, birthday(milestone)), later, 'renewed on the milestone birthday');
  });
}

test('after the milestone the law gives, the later milestones and no expiry follow as fallbacks', () => {
  assert.deepEqual(cccdExpiryCandidates(date(DOB), date(birthday(20))).map((c) => c.iso), [birthday(25), birthday(40), birthday(60), null]);
  assert.deepEqual(cccdExpiryCandidates(date(DOB), date(birthday(24))).map((c) => c.iso), [birthday(40), birthday(60), null]);
  const first = cccdExpiryCandidates(date(DOB), date(birthday(24)))[0]!;
  assert.deepEqual([first.rule, first.age], ['milestone-two-year', 40], 'issued within 2 years before 25');
  assert.deepEqual(cccdExpiryCandidates(date(DOB), date(birthday(58))).map((c) => c.iso), [null]);
});

test('29 February birthdays: the window and the milestone fall on 28 February (1 March as the alternative)', () => {
  const leapDob = '2000-02-29';
  // 23rd birthday in 2023 (no 29 February): the window before 25 opens on 28 February 2023.
  assert.deepEqual(cccdExpiryCandidates(date(leapDob), date('2023-02-27')).slice(0, 2).map((c) => c.iso), ['2025-02-28', '2025-03-01']);
  assert.equal(expiryOf(leapDob, '2023-02-28'), '2040-02-29', 'the 40th birthday falls on a 29 February');
});

test('without the issue date: the milestone still ahead first; on the milestone day it is that one', () => {
  const now = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
  const first = (today: string): string | null => cccdExpiryCandidatesWithoutIssueDate(date(DOB), now(today))[0]!.iso;
  assert.equal(first(birthday(40)), birthday(40), 'a card expiring today is still valid today');
  assert.equal(first('2030-06-16'), birthday(60));
  const list = cccdExpiryCandidatesWithoutIssueDate(date(DOB), now('2030-06-16')).map((c) => c.iso);
  assert.deepEqual(list, [birthday(60), null, birthday(40)], 'the milestone just passed comes last (an expired card still opens)');
  assert.deepEqual(cccdExpiryCandidatesWithoutIssueDate(date(DOB), now('2055-01-01')).map((c) => c.iso), [null, birthday(60)]);
});
