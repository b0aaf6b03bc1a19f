/**
 * Age rules shared by the server and the web client. `birthDate` and `day` are ISO calendar dates
 * (`YYYY-MM-DD`); no time zones are involved: a person turns N on their birthday (a 29 February birthday
 * counts from 1 March in non-leap years).
 */

export const MIN_VOLUNTEER_AGE = 14;
export const ADULT_AGE = 18;

export const AGE_GROUPS = ['14-17', '18-35', '36-54', '55+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whether `date` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(date: string): boolean {
  const m = ISO_DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** Full years of age on `day` for someone born on `birthDate` (negative if `day` is before birth). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(day);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Age group for reporting and display; `null` under the minimum volunteering age. */
export function ageGroup(age: number): AgeGroup | null {
  if (age < MIN_VOLUNTEER_AGE) return null;
  if (age < ADULT_AGE) return '14-17';
  if (age <= 35) return '18-35';
  if (age <= 54) return '36-54';
  return '55+';
}

/** Whether the person is a minor (14–17) on `day`. */
export function isMinorOn(birthDate: string, day: string): boolean {
  const age = ageOn(birthDate, day);
  return age >= MIN_VOLUNTEER_AGE && age < ADULT_AGE;
}

/** Today's calendar date in UTC as `YYYY-MM-DD`. */
export function isoDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
