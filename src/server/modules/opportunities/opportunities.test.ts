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

describe('opportunity permissions', () => {
  it('a coordinator creates a draft of their own centre; the draft is hidden from the public', async () => {
    const created = await w.t.request('POST', `/api/centers/${w.centerA.id}/opportunities`, {
      cookie: w.cookies.coordA,
      body: { title: 'Разбор книжных пожертвований', category: 'culture', minAge: 16 },
    });
    expect(created.statusCode).toBe(201);
    const o = created.json().opportunity;
    expect(o).toMatchObject({ status: 'draft', canManage: true, minAge: 16 });
    expect(o.category.code).toBe('culture');
    expect(o.municipality.id).toBe(w.kemerovo.id);
    expect((await w.t.request('GET', `/api/public/opportunities/${o.id}`)).statusCode).toBe(404);
    expect(
      (await w.t.request('GET', `/api/public/opportunities/${o.id}`, { cookie: w.cookies.coordB }))
        .statusCode,
    ).toBe(404);
    const audit = await w.t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', o.id)
      .where('action', '=', 'opportunity.created')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a coordinator of another centre is refused: creating there, editing, adding shifts', async () => {
    const create = await w.t.request('POST', `/api/centers/${w.centerA.id}/opportunities`, {
      cookie: w.cookies.coordB,
      body: { title: 'Чужая возможность' },
    });
    expect(create.statusCode).toBe(403);
    const id = await w.opportunity({ title: 'Опубликованная возможность центра А' });
    const edit = await w.t.request('PATCH', `/api/opportunities/${id}`, {
      cookie: w.cookies.coordB,
      body: { title: 'Захват' },
    });
    expect(edit.statusCode).toBe(403);
    const shift = await w.t.request('POST', `/api/opportunities/${id}/shifts`, {
      cookie: w.cookies.coordB,
      body: { startsAt: '2026-12-10T03:00:00Z', endsAt: '2026-12-10T05:00:00Z', capacity: 3 },
    });
    expect(shift.statusCode).toBe(403);
    expect(
      (await w.t.request('GET', `/api/centers/${w.centerA.id}/opportunities`, { cookie: w.cookies.coordB }))
        .statusCode,
    ).toBe(403);
    expect(
      (await w.t.request('PATCH', `/api/opportunities/${id}`, { body: { title: 'x' } })).statusCode,
    ).toBe(401);
  });

  it('the public sees published opportunities of active centres only', async () => {
    const id = await w.opportunity(
      { title: 'Возможность приостановленного центра' },
      { centerId: w.suspended.id },
    );
    expect((await w.t.request('GET', `/api/public/opportunities/${id}`)).statusCode).toBe(404);
    const published = await w.opportunity({ title: 'Открытая возможность' });
    const view = await w.t.request('GET', `/api/public/opportunities/${published}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().opportunity).toMatchObject({ status: 'published', canManage: false, series: [] });
    expect(view.json().opportunity.shifts).toHaveLength(1);
  });

  it('status moves: published → completed is final; bad input is a 400 with field errors, not a 500', async () => {
    const id = await w.opportunity({ title: 'Завершаемая' });
    const done = await w.t.request('PATCH', `/api/opportunities/${id}`, {
      cookie: w.cookies.operator,
      body: { status: 'completed' },
    });
    expect(done.statusCode).toBe(200);
    const back = await w.t.request('PATCH', `/api/opportunities/${id}`, {
      cookie: w.cookies.operator,
      body: { status: 'published' },
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('status_move_refused');
    const bad = await w.t.request('POST', `/api/centers/${w.centerA.id}/opportunities`, {
      cookie: w.cookies.coordA,
      body: { title: 'Плохая', category: 'no_such', lat: 55 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['category', 'lat']);
  });
});

describe('shifts and recurring series', () => {
  it('a shift with roles; roles may not exceed the shift, and the capacity not drop below the confirmed', async () => {
    const id = await w.opportunity({ title: 'Фестиваль с ролями' }, { shifts: [] });
    const over = await w.t.request('POST', `/api/opportunities/${id}/shifts`, {
      cookie: w.cookies.operator,
      body: {
        startsAt: '2026-12-12T03:00:00Z',
        endsAt: '2026-12-12T07:00:00Z',
        capacity: 5,
        roles: [
          { name: 'Навигация', capacity: 4 },
          { name: 'Регистрация', capacity: 3 },
        ],
      },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].code).toBe('roles_over_capacity');
    const ok = await w.t.request('POST', `/api/opportunities/${id}/shifts`, {
      cookie: w.cookies.operator,
      body: {
        startsAt: '2026-12-12T03:00:00Z',
        endsAt: '2026-12-12T07:00:00Z',
        capacity: 7,
        roles: [
          { name: 'Навигация', capacity: 4 },
          { name: 'Регистрация', capacity: 3 },
        ],
      },
    });
    expect(ok.statusCode).toBe(201);
    const shift = ok.json().opportunity.shifts[0];
    expect(shift.roles.map((r: { name: string }) => r.name)).toEqual(['Навигация', 'Регистрация']);
    await w.confirm(shift.id);
    await w.confirm(shift.id);
    await w.confirm(shift.id, undefined, 'cancelled');
    const shrink = await w.t.request('PATCH', `/api/opportunities/${id}/shifts/${shift.id}`, {
      cookie: w.cookies.operator,
      body: { capacity: 1 },
    });
    expect(shrink.statusCode).toBe(409);
    const view = await w.t.request('GET', `/api/public/opportunities/${id}`);
    expect(view.json().opportunity.shifts[0]).toMatchObject({ taken: 2, freePlaces: 5 });
    // a place offered to the waitlist and a walk-in without an account hold places too
    const offeree = (await buildUser(w.t.db)).id;
    await sql`insert into signups (shift_id, user_id, status, offered_until, created_at, updated_at)
      values (${shift.id}, ${offeree}, 'offered', now() + interval '1 hour', now(), now())`.execute(w.t.db);
    await sql`insert into shift_walk_ins (shift_id, full_name, checked_in_at, created_at)
      values (${shift.id}, 'Пётр Ёлкин', now(), now())`.execute(w.t.db);
    const after = await w.t.request('GET', `/api/public/opportunities/${id}`);
    expect(after.json().opportunity.shifts[0]).toMatchObject({ taken: 4, freePlaces: 3 });
  });

  it('a weekly series expands in the region time zone; editing it never duplicates, booked shifts stay', async () => {
    const id = await w.opportunity({ title: 'Еженедельные чтения' }, { shifts: [], publish: false });
    const rule = {
      frequency: 'weekly',
      weekdays: [6],
      startsOn: '2026-11-01',
      until: '2026-12-31',
      startTime: '11:00',
      durationMinutes: 120,
      capacity: 6,
      roles: [{ name: 'Чтец', capacity: 2 }],
    };
    const created = await w.t.request('POST', `/api/opportunities/${id}/series`, {
      cookie: w.cookies.coordA,
      body: rule,
    });
    expect(created.statusCode).toBe(201);
    const o = created.json().opportunity;
    // Saturdays after the clock's "now" (24 Nov 2026): 28 Nov, 5, 12, 19, 26 Dec; 11:00 at UTC+7 is 04:00Z.
    const upcoming = o.shifts.filter((s: { startsAt: string }) => s.startsAt > '2026-11-24T10:00:00Z');
    expect(upcoming.map((s: { occurrenceDate: string }) => s.occurrenceDate)).toEqual([
      '2026-11-28',
      '2026-12-05',
      '2026-12-12',
      '2026-12-19',
      '2026-12-26',
    ]);
    expect(upcoming[0].startsAt).toBe('2026-11-28T04:00:00.000Z');
    expect(upcoming[0].roles).toHaveLength(1);
    const seriesId = o.series[0].id as string;
    const booked = upcoming[1];
    await w.confirm(booked.id, undefined, 'applied');

    const edited = await w.t.request('PUT', `/api/opportunities/${id}/series/${seriesId}`, {
      cookie: w.cookies.coordA,
      body: { ...rule, startTime: '12:30', until: '2027-01-10' },
    });
    expect(edited.statusCode).toBe(200);
    const shifts = edited.json().opportunity.shifts as {
      id: string;
      occurrenceDate: string;
      startsAt: string;
    }[];
    const dates = shifts.map((s) => s.occurrenceDate);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([
      '2026-11-28',
      '2026-12-05',
      '2026-12-12',
      '2026-12-19',
      '2026-12-26',
      '2027-01-02',
      '2027-01-09',
    ]);
    expect(shifts.find((s) => s.occurrenceDate === '2026-12-12')?.startsAt).toBe('2026-12-12T05:30:00.000Z');
    // The booked one kept its time and its row.
    expect(shifts.find((s) => s.id === booked.id)?.startsAt).toBe('2026-12-05T04:00:00.000Z');

    // Re-applying the same rule changes nothing; narrowing it removes unbooked ones but keeps the booked one.
    await w.t.request('PUT', `/api/opportunities/${id}/series/${seriesId}`, {
      cookie: w.cookies.coordA,
      body: { ...rule, startTime: '12:30', until: '2027-01-10' },
    });
    const rows = await w.t.db.selectFrom('shifts').select('id').where('series_id', '=', seriesId).execute();
    expect(rows).toHaveLength(7);
    const narrowed = await w.t.request('PUT', `/api/opportunities/${id}/series/${seriesId}`, {
      cookie: w.cookies.coordA,
      body: { ...rule, weekdays: [7], startTime: '12:30', until: '2026-12-14' },
    });
    const left = narrowed.json().opportunity.shifts.map((s: { occurrenceDate: string }) => s.occurrenceDate);
    expect(left).toEqual(['2026-11-29', '2026-12-05', '2026-12-06', '2026-12-13']);
  });

  it('a monthly series on the 31st and a template stamped onto a day', async () => {
    const id = await w.opportunity({ title: 'Ежемесячная акция' }, { shifts: [], publish: false });
    const monthly = await w.t.request('POST', `/api/opportunities/${id}/series`, {
      cookie: w.cookies.coordA,
      body: {
        frequency: 'monthly',
        monthDay: 31,
        startsOn: '2026-12-01',
        until: '2027-04-30',
        startTime: '09:00',
        durationMinutes: 60,
        capacity: 3,
      },
    });
    expect(monthly.statusCode).toBe(201);
    expect(
      monthly.json().opportunity.shifts.map((s: { occurrenceDate: string }) => s.occurrenceDate),
    ).toEqual(['2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    const template = await w.t.request('POST', `/api/centers/${w.centerA.id}/shift-templates`, {
      cookie: w.cookies.coordA,
      body: {
        name: 'Суббота',
        slots: [
          { start: '09:00', end: '13:00', capacity: 4 },
          { start: '20:00', end: '01:00', capacity: 2, roles: [{ name: 'Дежурный', capacity: 2 }] },
        ],
      },
    });
    expect(template.statusCode).toBe(201);
    const again = await w.t.request('POST', `/api/centers/${w.centerA.id}/shift-templates`, {
      cookie: w.cookies.coordA,
      body: { name: 'Суббота', slots: [{ start: '09:00', end: '10:00', capacity: 1 }] },
    });
    expect(again.statusCode).toBe(409);
    const stamped = await w.t.request('POST', `/api/opportunities/${id}/shifts/from-template`, {
      cookie: w.cookies.coordA,
      body: { templateId: template.json().id, date: '2027-01-16' },
    });
    expect(stamped.statusCode).toBe(201);
    const day = stamped.json().opportunity.shifts.filter((s: { seriesId: string | null }) => !s.seriesId);
    expect(day.map((s: { startsAt: string; endsAt: string }) => [s.startsAt, s.endsAt])).toEqual([
      ['2027-01-16T02:00:00.000Z', '2027-01-16T06:00:00.000Z'],
      ['2027-01-16T13:00:00.000Z', '2027-01-16T18:00:00.000Z'],
    ]);
    const other = await w.t.request('POST', `/api/opportunities/${id}/shifts/from-template`, {
      cookie: w.cookies.coordB,
      body: { templateId: template.json().id, date: '2027-01-16' },
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('partner organizations', () => {
  it('the centre picks from the region registry by name (any case) or INN; placeholders and other roles are out', async () => {
    const municipality = w.kemerovo.id;
    await sql`insert into organizations (region_id, municipality_id, name, kind, inn)
      values (${w.region.id}, ${municipality}, 'АНО «Ёлочка-Партнёр»', 'ngo', '4205000001')`.execute(w.t.db);
    await sql`insert into organizations (region_id, municipality_id, name, kind, is_placeholder)
      values (${w.region.id}, ${municipality}, 'ёлочка-заглушка', 'other', true)`.execute(w.t.db);
    const url = (q: string) =>
      `/api/centers/${w.centerA.id}/partner-organizations?q=${encodeURIComponent(q)}`;
    const byName = await w.t.request('GET', url('ёлочка'), { cookie: w.cookies.coordA });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items).toEqual([
      { id: expect.any(String), name: 'АНО «Ёлочка-Партнёр»', inn: '4205000001' },
    ]);
    const byInn = (await w.t.request('GET', url('420500'), { cookie: w.cookies.coordA })).json().items;
    expect(byInn.map((o: { inn: string }) => o.inn)).toEqual(['4205000001']);
    // the pattern characters of LIKE are taken literally
    expect((await w.t.request('GET', url('%'), { cookie: w.cookies.coordA })).json().items).toEqual([]);
    expect((await w.t.request('GET', url('x'), { cookie: w.cookies.volunteer })).statusCode).toBe(403);
    expect((await w.t.request('GET', url('x'), {})).statusCode).toBe(401);

    const partnerId = byName.json().items[0].id;
    const id = await w.opportunity({ title: 'С партнёром' });
    const saved = await w.t.request('PATCH', `/api/opportunities/${id}`, {
      cookie: w.cookies.coordA,
      body: { partnerOrganizationId: partnerId },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().opportunity.partnerOrganization).toEqual({
      id: partnerId,
      name: 'АНО «Ёлочка-Партнёр»',
    });
  });
});
