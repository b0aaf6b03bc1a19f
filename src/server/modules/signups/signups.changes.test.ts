import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
let coordinatorEmail: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-24T10:00:00Z');
const at = (ms: number) => new Date(ms);
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const volunteer = async () => {
  const user = await buildUser(t.db, { role: 'volunteer', displayName: 'Пётр Ёжиков' });
  await setProfile(t.db, user.id, { birthDate: '1990-02-02' });
  return user;
};
const signUp = async (who: { email: string }, shiftId: string) => {
  const res = await t.request('POST', `/api/shifts/${shiftId}/signups`, {
    cookie: await login(who.email),
    body: {},
  });
  expect(res.statusCode).toBe(201);
  return res.json().signup as { id: string; status: string };
};
const asCoordinator = async (method: 'PATCH', url: string, body: object) =>
  t.request(method, url, { cookie: await login(coordinatorEmail), body });
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const mails = async (email: string, template: string) =>
  (await t.mailbox(email)).filter((m) => m.template === template);
const signupRow = (id: string) =>
  t.db.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const sentReminders = async (email: string) =>
  (await t.mailbox(email)).filter((m) => m.template.startsWith('signup_reminder')).length;

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  coordinatorEmail = (await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).email;
});
afterAll(async () => {
  await t.close();
});

describe('a shift’s time changes', () => {
  it('tells everyone active on it "old → new" and re-arms reminders sent for the old time', async () => {
    t.clock.set(at(NOW));
    // 02:00 UTC = 09:00 in Novokuznetsk.
    const start = Date.parse('2026-12-01T02:00:00Z');
    const shift = await buildShift(t.db, { centerId, startsAt: at(start), capacity: 1, title: 'Ярмарка' });
    const [held, waiting, other] = [await volunteer(), await volunteer(), await volunteer()];
    const h = await signUp(held, shift.id);
    const w = await signUp(waiting, shift.id);
    expect(w.status).toBe('waitlisted');
    const untouched = await buildShift(t.db, { centerId, startsAt: at(start) });
    await signUp(other, untouched.id);

    t.clock.set(at(start - 20 * HOUR));
    await t.services.signups.reminders.sweep();
    expect(await sentReminders(held.email)).toBe(1);

    const moved = start + 2 * DAY + HOUR; // 3 December, 10:00 local
    const res = await asCoordinator('PATCH', `/api/opportunities/${shift.opportunityId}/shifts/${shift.id}`, {
      startsAt: at(moved).toISOString(),
      endsAt: at(moved + 4 * HOUR).toISOString(),
    });
    expect(res.statusCode).toBe(200);
    for (const person of [held, waiting]) {
      const [notice] = await mails(person.email, 'signup_time_changed');
      expect(plain(notice?.text_body)).toContain(
        'Время смены «Ярмарка» изменилось: было 1 декабря 2026 г., 09:00–12:00, стало 3 декабря 2026 г., 10:00–14:00',
      );
    }
    expect(await mails(other.email, 'signup_time_changed')).toHaveLength(0);
    const row = await signupRow(h.id);
    expect(row.reminded_24h_at).toBeNull();
    expect(row.status).toBe('confirmed');
    const inApp = await t.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('user_id', '=', waiting.id)
      .where('kind', '=', 'signup.time_changed')
      .executeTakeFirstOrThrow();
    expect(inApp.params).toMatchObject({
      from: at(start).toISOString(),
      startsAt: at(moved).toISOString(),
    });

    // Nothing new at the old reminder time; the 24 h reminder comes again before the new time.
    await t.services.signups.reminders.sweep();
    expect(await sentReminders(held.email)).toBe(1);
    t.clock.set(at(moved - 20 * HOUR));
    await t.services.signups.reminders.sweep();
    expect(await sentReminders(held.email)).toBe(2);
    expect(await sentReminders(waiting.email)).toBe(0);
  });

  it('a change of capacity alone tells nobody', async () => {
    t.clock.set(at(NOW));
    const shift = await buildShift(t.db, { centerId, startsAt: at(NOW + 5 * DAY) });
    const a = await volunteer();
    await signUp(a, shift.id);
    const res = await asCoordinator('PATCH', `/api/opportunities/${shift.opportunityId}/shifts/${shift.id}`, {
      capacity: 10,
    });
    expect(res.statusCode).toBe(200);
    expect((await t.mailbox(a.email)).map((m) => m.template)).toEqual(['signup_confirmed']);
  });
});

describe('cancellations', () => {
  it('a cancelled shift cancels its active signups (system, shift_cancelled) and tells them', async () => {
    t.clock.set(at(NOW));
    const shift = await buildShift(t.db, { centerId, startsAt: at(NOW + 6 * DAY), capacity: 1 });
    const [a, b] = [await volunteer(), await volunteer()];
    const sa = await signUp(a, shift.id);
    const sb = await signUp(b, shift.id);
    const res = await asCoordinator('PATCH', `/api/opportunities/${shift.opportunityId}/shifts/${shift.id}`, {
      status: 'cancelled',
    });
    expect(res.statusCode).toBe(200);
    for (const [person, signup] of [
      [a, sa],
      [b, sb],
    ] as const) {
      expect(await signupRow(signup.id)).toMatchObject({
        status: 'cancelled',
        cancelled_by: 'system',
        reason: 'shift_cancelled',
      });
      const [notice] = await mails(person.email, 'signup_shift_cancelled');
      expect(notice?.text_body).toContain('отменена организатором, ваша запись снята');
    }
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', sa.id)
      .where('action', '=', 'signup.cancel')
      .execute();
    expect(audit).toHaveLength(1);
    // Cancelling again changes nothing and sends nothing more.
    await asCoordinator('PATCH', `/api/opportunities/${shift.opportunityId}/shifts/${shift.id}`, {
      status: 'cancelled',
    });
    expect(await mails(a.email, 'signup_shift_cancelled')).toHaveLength(1);
  });

  it('a cancelled opportunity cancels the signups of its future shifts, not past ones', async () => {
    t.clock.set(at(NOW - 2 * DAY));
    const first = await buildShift(t.db, { centerId, startsAt: at(NOW - DAY) }); // over by NOW
    const second = await t.db
      .insertInto('shifts')
      .values({
        opportunity_id: first.opportunityId,
        starts_at: at(NOW + 7 * DAY),
        ends_at: at(NOW + 7 * DAY + 3 * HOUR),
        capacity: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [past, future] = [await volunteer(), await volunteer()];
    const sp = await signUp(past, first.id);
    const sf = await signUp(future, second.id);
    t.clock.set(at(NOW));
    const res = await asCoordinator('PATCH', `/api/opportunities/${first.opportunityId}`, {
      status: 'cancelled',
    });
    expect(res.statusCode).toBe(200);
    expect((await signupRow(sp.id)).status).toBe('confirmed');
    expect(await signupRow(sf.id)).toMatchObject({ status: 'cancelled', reason: 'shift_cancelled' });
    expect(await mails(future.email, 'signup_shift_cancelled')).toHaveLength(1);
    expect(await mails(past.email, 'signup_shift_cancelled')).toHaveLength(0);
    const mine = await t.request('GET', '/api/my/signups', { cookie: await login(future.email) });
    expect(mine.json().items[0]).toMatchObject({ status: 'cancelled', reason: 'shift_cancelled' });
  });
});

describe('the place changes', () => {
  it('tells those holding places on future shifts about a new address or going online', async () => {
    t.clock.set(at(NOW));
    const shift = await buildShift(t.db, { centerId, startsAt: at(NOW + 8 * DAY), capacity: 1 });
    const [holder, waiting] = [await volunteer(), await volunteer()];
    await signUp(holder, shift.id);
    await signUp(waiting, shift.id);
    const url = `/api/opportunities/${shift.opportunityId}`;
    expect((await asCoordinator('PATCH', url, { title: 'Новое название' })).statusCode).toBe(200);
    expect(await mails(holder.email, 'signup_place_changed')).toHaveLength(0);

    expect((await asCoordinator('PATCH', url, { address: 'пр. Металлургов, 1' })).statusCode).toBe(200);
    const [moved] = await mails(holder.email, 'signup_place_changed');
    expect(moved?.text_body).toContain('Изменилось место проведения смены «Новое название»');
    expect(moved?.text_body).toContain('Адрес: пр. Металлургов, 1.');
    expect(await mails(waiting.email, 'signup_place_changed')).toHaveLength(0);

    // The same address again is no change.
    await asCoordinator('PATCH', url, { address: 'пр. Металлургов, 1' });
    expect(await mails(holder.email, 'signup_place_changed')).toHaveLength(1);

    await asCoordinator('PATCH', url, { isOnline: true });
    const notices = await mails(holder.email, 'signup_place_changed');
    expect(notices).toHaveLength(2);
    expect(notices[1]?.text_body).toContain('Смена проходит онлайн.');
  });
});
