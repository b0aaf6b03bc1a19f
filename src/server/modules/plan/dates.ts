/** Calendar-day arithmetic on 'YYYY-MM-DD' strings (UTC, no time zones involved). Pure. */

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export { addDays } from '../../../shared/time-zone.js';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);

/** The last day of the month of `day`. */
export function monthEnd(day: string): string {
  const d = toDate(day);
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** `day` moved by `n` calendar months; the 31st becomes the month's last day when the month is shorter. */
export function addMonths(day: string, n: number): string {
  const d = toDate(day);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toDay(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last))));
}

/** Months from the month of `from` to the month of `to`, both included, as 'YYYY-MM'. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let current = `${from.slice(0, 7)}-01`;
  const end = to.slice(0, 7);
  while (current.slice(0, 7) <= end) {
    months.push(current.slice(0, 7));
    current = addMonths(current, 1);
  }
  return months;
}

/** The later of two days ('YYYY-MM-DD' strings compare as dates). */
export const laterDay = (a: string, b: string) => [a, b].sort()[1] as string;
