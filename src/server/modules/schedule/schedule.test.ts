import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';
import { addDays } from '../../../shared/time-zone.js';

let t: TestPlatform;
let centerId: string;
let coordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const volunteer = async () => {
  const user = await buildUser(t.db, { role: 'volunteer' });
  await setProfile(t.db, user.id, { birthDate: '1990-01-01' });
  return { ...user, cookie: await login(user.email) };
};
// Test clock: 2026-11-24T10:00Z = 17:00 in Kemerovo (UTC+7).
const at = (iso: string) => new Date(iso);
const schedule = (cookie: string | undefined, query = '') =>
  t.request('GET', `/api/centers/${centerId}/schedule${query}`, cookie ? { cookie } : {});

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  coordinator = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).email);
});
afterAll(async () => {
  await t.close();
});

describe("a centre's week", () => {
  it('groups shifts by the day on the region clock, not by the UTC day', async () => {
    // 2026-11-25 23:30Z is already 26 November 06:30 in Kemerovo; 2026-11-24 18:00Z is 25 November 01:00
    const early = await buildShift(t.db, {
      centerId,
      startsAt: at('2026-11-25T23:30:00Z'),
      title: 'Раннее утро',
    });
    const night = await buildShift(t.db, {
      centerId,
      startsAt: at('2026-11-24T18:00:00Z'),
      title: 'Ночной рейс',
    });
    const res = await schedule(coordinator, '?from=2026-11-24&days=7');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ timeZone: 'Asia/Novokuznetsk', from: '2026-11-24', to: '2026-11-30' });
    expect(body.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    const dayOf = (id: string) =>
      body.days.find((d: { shifts: { id: string }[] }) => d.shifts.some((s) => s.id === id))?.date;
    expect(dayOf(night.id)).toBe('2026-11-25');
    expect(dayOf(early.id)).toBe('2026-11-26');
  });

  it('counts places, approvals, waitlist, arrivals, no-shows and walk-ins per shift and in total', async () => {
    const shift = await buildShift(t.db, {
      centerId,
      startsAt: at('2026-11-28T03:00:00Z'),
      capacity: 2,
      title: 'Фудшеринг',
    });
    const people = [await volunteer(), await volunteer(), await volunteer()];
    for (const p of people) {
      const r = await t.request('POST', `/api/shifts/${shift.id}/signups`, { cookie: p.cookie, body: {} });
      expect(r.statusCode).toBe(201);
    }
    await t.db
      .insertInto('shift_walk_ins')
      .values({
        shift_id: shift.id,
        full_name: 'Пётр Ёлкин',
        checked_in_at: at('2026-11-28T03:05:00Z'),
        created_at: at('2026-11-28T03:05:00Z'),
      })
      .execute();
    const body = (await schedule(coordinator, '?from=2026-11-28&days=1')).json();
    expect(body.days).toHaveLength(1);
    const row = body.days[0].shifts.find((s: { id: string }) => s.id === shift.id);
    expect(row).toMatchObject({
      opportunityTitle: 'Фудшеринг',
      capacity: 2,
      held: 3, // two confirmed + the walk-in
      waitlisted: 1,
      applied: 0,
      checkedIn: 1,
      noShows: 0,
    });
    expect(body.totals).toMatchObject({ shifts: 1, capacity: 2, held: 3, waitlisted: 1, checkedIn: 1 });
  });

  it('defaults to seven days from today in the region', async () => {
    const body = (await schedule(coordinator)).json();
    expect(body.from).toBe('2026-11-24');
    expect(body.days).toHaveLength(7);
  });

  it('is for the centre’s coordinators and the operator only; bad input is a field error', async () => {
    expect((await schedule(undefined)).statusCode).toBe(401);
    const v = await volunteer();
    expect((await schedule(v.cookie)).statusCode).toBe(403);
    const other = await buildCenter(t.db);
    const stranger = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
    );
    expect((await schedule(stranger)).statusCode).toBe(403);
    const bad = await schedule(coordinator, '?from=24.11.2026&days=90');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['querystring.days', 'querystring.from']);
    expect(
      (
        await t.request('GET', '/api/centers/00000000-0000-4000-8000-000000000000/schedule', {
          cookie: coordinator,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('adds calendar days without time-zone drift', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
