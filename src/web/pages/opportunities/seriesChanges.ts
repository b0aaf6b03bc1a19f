import type { Opportunity } from '../../../shared/contracts/opportunities.js';

type OpportunityView = Opportunity;
type ShiftView = Opportunity['shifts'][number];

/** What a series edit did to the series' future shifts, as the page can see it from before and after. */
export type SeriesChanges = {
  /** Shifts the new rule added. */
  added: number;
  /** Future shifts that left the plan (days the rule no longer has). */
  removed: number;
  /** Shifts kept with a new time or number of places. */
  changed: number;
  /** Future shifts with confirmed volunteers: the server leaves them exactly as they were. */
  booked: number;
};

const seriesShifts = (o: OpportunityView, seriesId: string, now: number) =>
  new Map(
    o.shifts
      .filter((s) => s.seriesId === seriesId && Date.parse(s.startsAt) > now)
      .map((s) => [s.id, s] as const),
  );
const differs = (a: ShiftView, b: ShiftView) =>
  a.startsAt !== b.startsAt || a.endsAt !== b.endsAt || a.capacity !== b.capacity || a.status !== b.status;

/**
 * Compares a series' future shifts before and after an edit. The server re-plans only future shifts nobody
 * has signed up for (ids stay when a day stays in the rule), so a new id is an added shift, a missing id a
 * removed one, and the same id with another time or size a changed one.
 */
export function seriesChanges(
  before: OpportunityView,
  after: OpportunityView,
  seriesId: string,
  now = Date.now(),
): SeriesChanges {
  const old = seriesShifts(before, seriesId, now);
  const next = seriesShifts(after, seriesId, now);
  let added = 0;
  let changed = 0;
  let booked = 0;
  for (const [id, shift] of next) {
    const previous = old.get(id);
    if (!previous) added += 1;
    else if (differs(previous, shift)) changed += 1;
    if (shift.taken > 0) booked += 1;
  }
  const removed = [...old.keys()].filter((id) => !next.has(id)).length;
  return { added, removed, changed, booked };
}
