/** What the manage page reports after a series edit, from the opportunity before and after (pure). */
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../../shared/contracts/opportunities.js';
import { seriesChanges } from './seriesChanges.js';

type OpportunityView = Opportunity;
type ShiftView = Opportunity['shifts'][number];

const SERIES = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OTHER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const NOW = Date.parse('2030-03-01T00:00:00Z');

function shift(id: string, day: string, over: Partial<ShiftView> = {}): ShiftView {
  return {
    id,
    startsAt: `${day}T03:00:00.000Z`,
    endsAt: `${day}T05:00:00.000Z`,
    capacity: 10,
    taken: 0,
    freePlaces: 10,
    status: 'scheduled',
    seriesId: SERIES,
    occurrenceDate: day,
    roles: [],
    version: 1,
    ...over,
  };
}
const opportunity = (shifts: ShiftView[]) => ({ shifts }) as unknown as OpportunityView;

describe('series changes seen by the page', () => {
  it('counts added, removed and moved future shifts of the series only', () => {
    const before = opportunity([
      shift('past', '2030-02-22'),
      shift('sat1', '2030-03-02'),
      shift('sat2', '2030-03-09'),
      shift('sat3', '2030-03-16'),
      shift('other', '2030-03-03', { seriesId: OTHER }),
    ]);
    const after = opportunity([
      shift('past', '2030-02-22'),
      shift('sat1', '2030-03-02'),
      shift('sat2', '2030-03-09', { startsAt: '2030-03-09T04:00:00.000Z' }),
      shift('sun1', '2030-03-03'),
      shift('sun2', '2030-03-10'),
      shift('other', '2030-03-03', { seriesId: OTHER, capacity: 3 }),
    ]);
    expect(seriesChanges(before, after, SERIES, NOW)).toEqual({
      added: 2,
      removed: 1,
      changed: 1,
      booked: 0,
    });
  });

  it('counts booked future shifts (kept by the server) and ignores past ones', () => {
    const before = opportunity([
      shift('past', '2030-02-22', { taken: 4 }),
      shift('sat1', '2030-03-02', { taken: 2 }),
      shift('sat2', '2030-03-09'),
    ]);
    const after = opportunity([
      shift('past', '2030-02-22', { taken: 4 }),
      shift('sat1', '2030-03-02', { taken: 2 }),
      shift('sat2', '2030-03-09', { capacity: 12 }),
    ]);
    expect(seriesChanges(before, after, SERIES, NOW)).toEqual({
      added: 0,
      removed: 0,
      changed: 1,
      booked: 1,
    });
  });
});
