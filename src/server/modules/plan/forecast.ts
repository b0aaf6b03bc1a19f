/**
 * When is a target met at the current pace? Pure functions, hand-checked in forecast.test.ts.
 *
 * - Pace: centres opened (by opening date) in the 12 months up to today, divided by 12; for coverage, the net
 *   change of covered municipalities over the same 12 months, divided by 12.
 * - At pace: gap ÷ pace months from today, rounded up to whole months; no pace (≤ 0) → null ("not at this
 *   pace"); a met target → null.
 * - With the pipeline: the applications in progress open on their expected dates (an overdue one counts as
 *   today), one unit each, in date order; if that is not enough, the rest follows at the pace from the last
 *   expected date.
 * - The horizon: a date after the last year the API carries (DATE_YEARS.max, ADR 0014) is not a forecast
 *   either: a target of 100,000 centres at a few openings a year is "not at this pace", never year 27000.
 */
import { DATE_YEARS } from '../../../shared/contracts/formats.js';
import { addMonths, laterDay } from './dates.js';

export type ForecastInput = {
  today: string;
  actual: number;
  target: number;
  /** Units per month (≤ 0: no progress). */
  pacePerMonth: number;
  /** Expected dates of the pipeline's contributions, any order; past dates count as today. */
  pipelineDates: string[];
};

const EPSILON = 1e-9;
const HORIZON = `${DATE_YEARS.max}-12-31`;
/** More months than any two dates in range are apart: no date arithmetic beyond it. */
const MAX_MONTHS = (DATE_YEARS.max - DATE_YEARS.min + 1) * 12;

/** `from` + `months`, or null when that passes the horizon. */
function withinHorizon(from: string, months: number | null): string | null {
  if (months === null || months > MAX_MONTHS) return null;
  const date = addMonths(from, months);
  return date <= HORIZON ? date : null;
}

/** Whole months needed to cover `gap` at `pace`, or null when there is no pace. */
export function monthsNeeded(gap: number, pace: number): number | null {
  if (gap <= 0) return 0;
  if (!(pace > EPSILON)) return null;
  return Math.ceil(gap / pace - EPSILON);
}

export function forecastAtPace(input: Omit<ForecastInput, 'pipelineDates'>): string | null {
  if (input.actual >= input.target) return null;
  return withinHorizon(input.today, monthsNeeded(input.target - input.actual, input.pacePerMonth));
}

export function forecastWithPipeline(input: ForecastInput): string | null {
  if (input.actual >= input.target) return null;
  const dates = input.pipelineDates.map((d) => laterDay(d, input.today)).sort();
  let reached = input.actual;
  for (const date of dates) {
    reached += 1;
    if (reached >= input.target) return date;
  }
  return withinHorizon(dates.at(-1) ?? input.today, monthsNeeded(input.target - reached, input.pacePerMonth));
}

export function forecast(input: ForecastInput) {
  return { atPace: forecastAtPace(input), withPipeline: forecastWithPipeline(input) };
}

/** Openings per month: opening dates in (today − 12 months, today], divided by 12. */
export function openingsPerMonth(openedOn: (string | null)[], today: string): number {
  const from = addMonths(today, -12);
  return openedOn.filter((d) => d !== null && d > from && d <= today).length / 12;
}

export type TargetStatus = 'met' | 'on_track' | 'behind' | 'missed';

/**
 * met: actual ≥ target now; missed: the due date has passed without it; on track: the at-pace forecast
 * reaches it by the due date; behind: otherwise (later, or not at this pace).
 */
export function targetStatus(t: {
  actual: number;
  target: number;
  dueDate: string;
  today: string;
  atPace: string | null;
}): TargetStatus {
  if (t.actual >= t.target) return 'met';
  if (t.dueDate < t.today) return 'missed';
  return t.atPace !== null && t.atPace <= t.dueDate ? 'on_track' : 'behind';
}
