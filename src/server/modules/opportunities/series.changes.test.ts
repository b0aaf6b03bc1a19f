/**
 * Creating or changing a series answers what it did to the series' future shifts (issue 9, item 19):
 * `changes` counts the shifts added, removed, moved to a new time, changed otherwise (places or roles), and
 * those kept as they were because someone holds a place — a signup in any live status, a waitlist offer or
 * a walk-in — which the page cannot tell from the shift list.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../test/support/factories.js';
import { type OpportunityWorld, opportunityWorld } from '../../../../test/support/opportunity-world.js';

let w: OpportunityWorld;
beforeAll(async () => {
  w = await opportunityWorld();
});
afterAll(async () => {
  await w.t.close();
});

type Changes = { added: number; removed: number; moved: number; changed: number; keptBooked: number };
type ShiftView = { id: string; occurrenceDate: string; seriesId: string | null };
const none: Changes = { added: 0, removed: 0, moved: 0, changed: 0, keptBooked: 0 };

describe('the answer to a series edit', () => {
  it('counts added, removed, moved, changed and kept shifts, a walk-in and a waitlist offer included', async () => {
    const id = await w.opportunity(
      { title: 'Субботние прогулки с собаками' },
      { shifts: [], publish: false },
    );
    const rule = {
      frequency: 'weekly',
      weekdays: [6],
      startsOn: '2026-11-01',
      until: '2026-12-31',
      startTime: '11:00',
      durationMinutes: 120,
      capacity: 6,
    };
    const cookie = w.cookies.coordA;
    const created = await w.t.request('POST', `/api/opportunities/${id}/series`, { cookie, body: rule });
    expect(created.statusCode).toBe(201);
    // Saturdays after the clock's "now" (24 Nov 2026): 28 Nov, 5, 12, 19, 26 Dec
    expect(created.json().changes).toEqual({ ...none, added: 5 });
    const seriesId = created.json().opportunity.series[0].id as string;
    const shifts = created.json().opportunity.shifts as ShiftView[];
    const on = (date: string) => shifts.find((s) => s.occurrenceDate === date)?.id as string;

    // 5 Dec: a confirmed volunteer; 12 Dec: only a waitlist offer; 19 Dec: only a walk-in.
    await w.confirm(on('2026-12-05'));
    await sql`insert into signups (shift_id, user_id, status, offered_until, created_at, updated_at)
      values (${on('2026-12-12')}, ${(await buildUser(w.t.db)).id}, 'offered',
              now() + interval '1 hour', now(), now())`.execute(w.t.db);
    await sql`insert into shift_walk_ins (shift_id, full_name, checked_in_at, created_at)
      values (${on('2026-12-19')}, 'Пётр Ёлкин', now(), now())`.execute(w.t.db);
    const edit = (body: object, version: number) =>
      w.t.request('PUT', `/api/opportunities/${id}/series/${seriesId}`, {
        cookie,
        body: { ...rule, ...body },
        headers: { 'if-match': `"${version}"` },
      });

    // A later start and two more weeks: the two free Saturdays move, three are kept, two are added.
    const later = await edit({ startTime: '12:30', until: '2027-01-10' }, 1);
    expect(later.statusCode).toBe(200);
    expect(later.json().changes).toEqual({ ...none, added: 2, moved: 2, keptBooked: 3 });
    expect(later.headers.etag).toBe('"2"');
    const version = later.json().opportunity.series[0].version as number;
    expect(version).toBe(2);

    // The same rule again changes nothing (and says so).
    const same = await edit({ startTime: '12:30', until: '2027-01-10' }, version);
    expect(same.json().changes).toEqual({ ...none, keptBooked: 3 });

    // More places: the four free shifts change in place; none moves.
    const bigger = await edit({ startTime: '12:30', until: '2027-01-10', capacity: 8 }, version + 1);
    expect(bigger.json().changes).toEqual({ ...none, changed: 4, keptBooked: 3 });

    // A role: the same four change again.
    const roles = await edit(
      { startTime: '12:30', until: '2027-01-10', capacity: 8, roles: [{ name: 'Выгул', capacity: 4 }] },
      version + 2,
    );
    expect(roles.json().changes).toEqual({ ...none, changed: 4, keptBooked: 3 });

    // Sundays until 14 Dec: the four free Saturdays go, three Sundays come, the booked three stay.
    const sundays = await edit({ weekdays: [7], startTime: '12:30', until: '2026-12-14' }, version + 3);
    expect(sundays.json().changes).toEqual({ ...none, added: 3, removed: 4, keptBooked: 3 });
    const left = (sundays.json().opportunity.shifts as ShiftView[])
      .filter((s) => s.seriesId === seriesId)
      .map((s) => s.occurrenceDate);
    expect(left).toEqual([
      '2026-11-29',
      '2026-12-05',
      '2026-12-06',
      '2026-12-12',
      '2026-12-13',
      '2026-12-19',
    ]);

    // A refused edit (an old version) answers 412 and changes nothing.
    const stale = await edit({ startTime: '09:00' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().changes).toBeUndefined();
  });

  it('leaves a cancelled occurrence cancelled when the rule changes', async () => {
    const id = await w.opportunity({ title: 'Воскресные чтения' }, { shifts: [], publish: false });
    const rule = {
      frequency: 'weekly',
      weekdays: [7],
      startsOn: '2026-11-01',
      until: '2026-12-31',
      startTime: '10:00',
      durationMinutes: 90,
      capacity: 5,
    };
    const cookie = w.cookies.coordA;
    const created = await w.t.request('POST', `/api/opportunities/${id}/series`, { cookie, body: rule });
    expect(created.statusCode).toBe(201);
    const seriesId = created.json().opportunity.series[0].id as string;
    const shifts = created.json().opportunity.shifts as (ShiftView & { version: number })[];
    const called = shifts.find((s) => s.occurrenceDate === '2026-12-13') as ShiftView & { version: number };
    const cancel = await w.t.request('PATCH', `/api/opportunities/${id}/shifts/${called.id}`, {
      cookie,
      body: { status: 'cancelled' },
    });
    expect(cancel.statusCode).toBe(200);

    const edited = await w.t.request('PUT', `/api/opportunities/${id}/series/${seriesId}`, {
      cookie,
      body: { ...rule, startTime: '11:00' },
    });
    expect(edited.statusCode).toBe(200);
    // 29 Nov, 6, 20, 27 Dec move; 13 Dec was called off and stays so (not moved, not added again).
    expect(edited.json().changes).toEqual({ ...none, moved: 4 });
    const after = (
      edited.json().opportunity.shifts as (ShiftView & { status: string; startsAt: string })[]
    ).filter((s) => s.occurrenceDate === '2026-12-13');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: called.id, status: 'cancelled' });
  });
});
