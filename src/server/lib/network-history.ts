/**
 * The network on a past day, from what was recorded: a centre's opening date and status changes, an
 * application's stage transitions. Pure functions over loaded rows, shared by the public coverage (any `?on=`
 * day) and the operator's dashboard series, so both count the same centres on the same day.
 */
import type { CenterStatus } from '../platform/db/schema.js';

export type StatusChange = { day: string; from: CenterStatus | null; to: CenterStatus };
export type CenterLife = {
  municipalityId: string;
  openedOn: string | null;
  /** The status now. */
  status: CenterStatus;
  /** Status changes in time order, each on the local day it happened. */
  changes: StatusChange[];
};
/** A half-open span of days [from, to): active from `from`, no longer on `to` (null: still active). */
export type Period = { from: string; to: string | null };

/** The later of two 'YYYY-MM-DD' days. */
const laterDay = (a: string, b: string) => (a > b ? a : b);

/**
 * The days a centre was active: from its opening date (or `undatedFrom` when it has none) while its status
 * was `active`. Before its first recorded change a centre had that change's `from` status (its current
 * status when nothing was ever recorded); a change counts from its own day.
 */
export function activePeriods(c: CenterLife, undatedFrom: string): Period[] {
  const start = c.openedOn ?? undatedFrom;
  const spans: { from: string; status: CenterStatus | null }[] = [
    { from: '0000-01-01', status: c.changes.length > 0 ? (c.changes[0]?.from ?? null) : c.status },
    ...c.changes.map((ch) => ({ from: ch.day, status: ch.to })),
  ];
  const periods: Period[] = [];
  spans.forEach((span, i) => {
    if (span.status !== 'active') return;
    const end = spans[i + 1]?.from ?? null;
    const from = laterDay(span.from, start);
    if (end !== null && end <= from) return;
    const last = periods.at(-1);
    if (last && last.to === from) last.to = end;
    else periods.push({ from, to: end });
  });
  return periods;
}

export const activeOn = (periods: Period[], day: string) =>
  periods.some((p) => p.from <= day && (p.to === null || day < p.to));

/** An application's stages over time: transitions in time order, each on the local day it happened. */
export type ApplicationLife = {
  /** The stage now, and the day it entered it (null when not recorded). */
  stage: string;
  stageSince: string | null;
  transitions: { day: string; from: string | null; to: string }[];
};

/**
 * The stage an application was at on `day`, or null when it had none yet. With recorded transitions: the
 * last one on or before the day (before the first, that transition's `from`). Without any (rows loaded
 * without a history, e.g. reference data): the current stage from the day it was entered, or always when
 * that day is not known.
 */
export function stageOn(a: ApplicationLife, day: string): string | null {
  if (a.transitions.length === 0) return a.stageSince === null || a.stageSince <= day ? a.stage : null;
  let stage: string | null = a.transitions[0]?.from ?? null;
  for (const t of a.transitions) {
    if (t.day > day) break;
    stage = t.to;
  }
  return stage;
}
