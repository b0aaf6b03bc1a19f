/**
 * Recurring shift rules, expanded into occurrence dates and UTC instants. Pure functions: no database.
 *
 * - weekly: on the given ISO weekdays (1 = Monday … 7 = Sunday), every `interval` weeks counted from the
 *   week of `startsOn`;
 * - monthly: on day `monthDay` every `interval` months counted from the month of `startsOn`; a day the
 *   month lacks (31 in April, 30 in February) means the month's last day.
 * Times are wall-clock times in the region's time zone, converted to UTC per occurrence.
 */

import { zonedInstant } from '../../../shared/time-zone.js';

export type RecurrenceRule = {
  frequency: 'weekly' | 'monthly';
  interval: number;
  weekdays: number[];
  monthDay: number | null;
  startsOn: string;
  until: string;
  /** HH:MM or HH:MM:SS, local time of day. */
  startTime: string;
  durationMinutes: number;
  timeZone: string;
};

export type Occurrence = { date: string; startsAt: Date; endsAt: Date };

/** More than a daily shift for a year is refused by validation; expansion stops here as a backstop. */
export const MAX_OCCURRENCES = 400;
const DAY = 86_400_000;

const toDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
/** ISO weekday, 1 = Monday. */
const isoWeekday = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;

/** The UTC instant of wall-clock `time` on `date` in `timeZone` (shared with the web app's forms). */
export { zonedInstant };

/** The calendar dates the rule produces, in order, without duplicates. */
export function occurrenceDates(rule: RecurrenceRule): string[] {
  const start = toDate(rule.startsOn);
  const until = toDate(rule.until);
  const interval = Math.max(1, rule.interval);
  const out: string[] = [];
  if (rule.frequency === 'weekly') {
    const days = new Set(rule.weekdays);
    const weekStart = start.getTime() - (isoWeekday(start) - 1) * DAY;
    for (let t = start.getTime(); t <= until.getTime() && out.length < MAX_OCCURRENCES; t += DAY) {
      const d = new Date(t);
      const week = Math.floor((t - weekStart) / (7 * DAY));
      if (week % interval === 0 && days.has(isoWeekday(d))) out.push(iso(d));
    }
    return out;
  }
  const monthDay = rule.monthDay ?? start.getUTCDate();
  for (let k = 0; out.length < MAX_OCCURRENCES; k += interval) {
    const y = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + k) / 12);
    const m = (start.getUTCMonth() + k) % 12;
    const d = new Date(Date.UTC(y, m, Math.min(monthDay, daysInMonth(y, m))));
    if (d > until) break;
    if (d >= start) out.push(iso(d));
  }
  return out;
}

/** The rule's occurrences with their UTC start and end. */
export function expand(rule: RecurrenceRule): Occurrence[] {
  return occurrenceDates(rule).map((date) => {
    const startsAt = zonedInstant(date, rule.startTime, rule.timeZone);
    return { date, startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
  });
}
