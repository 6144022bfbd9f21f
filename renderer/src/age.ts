/** A holder's age in whole years on a day, from an ISO birth date; null when the date is not complete. */
export function ageOn(isoBirthDate: string, day: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoBirthDate);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const beforeBirthday = day.getMonth() + 1 < month || (day.getMonth() + 1 === month && day.getDate() < date);
  return day.getFullYear() - year - (beforeBirthday ? 1 : 0);
}
