import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const volunteer = async (locale: 'ru' | 'en' = 'ru') => {
  const user = await buildUser(t.db, { role: 'volunteer', displayName: 'Анна Ёлкина' });
  await setProfile(t.db, user.id, { birthDate: '1995-05-05' });
  if (locale === 'en') await t.db.updateTable('users').set({ locale }).where('id', '=', user.id).execute();
  return user;
};
const at = (ms: number) => new Date(ms);
/** Signs the volunteer up with the clock at `when` (a fresh session then); returns the signup. */
const signUpAt = async (when: Date, who: { email: string }, shiftId: string) => {
  t.clock.set(when);
  const cookie = await login(who.email);
  const res = await t.request('POST', `/api/shifts/${shiftId}/signups`, { cookie, body: {} });
  expect(res.statusCode).toBe(201);
  return res.json().signup as { id: string; status: string };
};
/** Mail text with the no-break spaces of date formatting as plain spaces. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const sweep = () => t.services.signups.reminders.sweep();
/** The reminder mails of one address, oldest first. */
const reminders = async (email: string) =>
  (await t.mailbox(email)).filter((m) => m.template.startsWith('signup_reminder'));
const kinds = async (userId: string) =>
  (
    await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', userId)
      .where('kind', 'like', 'signup.reminder%')
      .orderBy('seq')
      .execute()
  ).map((n) => n.kind);
const signupRow = (id: string) =>
  t.db.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
});
afterAll(async () => {
  await t.close();
});

describe('reminders before a shift', () => {
  it('sends the 24 h one inside 24 h (not at 25 h), the 2 h one inside 2 h; each once', async () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const far = await buildShift(t.db, { centerId, startsAt: at(now + 25 * HOUR) });
    const day = await buildShift(t.db, { centerId, startsAt: at(now + 23 * HOUR) });
    const soon = await buildShift(t.db, { centerId, startsAt: at(now + 1.5 * HOUR) });
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    await signUpAt(at(now - 3 * DAY), a, far.id);
    await signUpAt(at(now - 3 * DAY), b, day.id);
    await signUpAt(at(now - 3 * DAY), c, soon.id);

    t.clock.set(at(now));
    await sweep();
    expect(await reminders(a.email)).toHaveLength(0);
    expect((await reminders(b.email)).map((m) => m.template)).toEqual(['signup_reminder_24h']);
    expect((await reminders(c.email)).map((m) => m.template)).toEqual(['signup_reminder_2h']);
    expect(await kinds(b.id)).toEqual(['signup.reminder_24h']);

    const again = await sweep();
    expect(again.sent).toBe(0);
    expect(await reminders(b.email)).toHaveLength(1);
    expect(await reminders(c.email)).toHaveLength(1);

    // 22 h later: the 25 h shift is 3 h away (its 24 h reminder), the 23 h one 1 h away (its 2 h one).
    t.clock.set(at(now + 22 * HOUR));
    await sweep();
    await sweep();
    expect((await reminders(a.email)).map((m) => m.template)).toEqual(['signup_reminder_24h']);
    expect((await reminders(b.email)).map((m) => m.template)).toEqual([
      'signup_reminder_24h',
      'signup_reminder_2h',
    ]);
    expect(await kinds(b.id)).toEqual(['signup.reminder_24h', 'signup.reminder_2h']);
    expect(await reminders(c.email)).toHaveLength(1); // its shift has started
  });

  it('two sweeps at once still send one reminder; the queue runs the same sweep', async () => {
    const now = Date.parse('2026-12-04T00:00:00Z');
    const shift = await buildShift(t.db, { centerId, startsAt: at(now + 20 * HOUR), capacity: 5 });
    const people = [await volunteer(), await volunteer(), await volunteer()];
    for (const p of people) await signUpAt(at(now - 2 * DAY), p, shift.id);
    t.clock.set(at(now));
    const [x, y] = await Promise.all([sweep(), sweep()]);
    expect(x.sent + y.sent).toBe(3);
    for (const p of people) expect(await reminders(p.email)).toHaveLength(1);

    const queued = await volunteer();
    const later = await buildShift(t.db, { centerId, startsAt: at(now + 2 * DAY) });
    await signUpAt(at(now - DAY), queued, later.id);
    t.clock.set(at(now + 2 * DAY - 23 * HOUR));
    await t.services.signups.jobs.remind();
    await t.services.signups.jobs.remind();
    await t.services.signups.jobs.drain();
    expect((await reminders(queued.email)).map((m) => m.template)).toEqual(['signup_reminder_24h']);
  });

  it('skips the 24 h one after a signup inside 24 h, and the 2 h one after one inside 2 h 30 min', async () => {
    const now = Date.parse('2026-12-07T00:00:00Z');
    const start = now + 20 * HOUR;
    const shift = await buildShift(t.db, { centerId, startsAt: at(start), capacity: 5 });
    const early = await volunteer();
    const late = await volunteer();
    const lastMinute = await volunteer();
    const e = await signUpAt(at(now - 2 * DAY), early, shift.id);
    const l = await signUpAt(at(now), late, shift.id);
    expect((await t.mailbox(late.email)).map((m) => m.template)).toEqual(['signup_confirmed']);
    await sweep();
    expect(await reminders(early.email)).toHaveLength(1);
    expect(await reminders(late.email)).toHaveLength(0);
    expect((await signupRow(l.id)).reminded_24h_at).not.toBeNull(); // handled, not sent

    const m = await signUpAt(at(start - 2 * HOUR - 10 * 60_000), lastMinute, shift.id);
    await sweep();
    t.clock.set(at(start - 1.5 * HOUR));
    await sweep();
    expect((await reminders(early.email)).map((x) => x.template)).toEqual([
      'signup_reminder_24h',
      'signup_reminder_2h',
    ]);
    expect((await reminders(late.email)).map((x) => x.template)).toEqual(['signup_reminder_2h']);
    expect(await reminders(lastMinute.email)).toHaveLength(0);
    expect((await signupRow(m.id)).reminded_2h_at).not.toBeNull();
    expect((await signupRow(e.id)).reminded_2h_at).not.toBeNull();
  });

  it('waitlisted, offered-to and cancelled people get none', async () => {
    const now = Date.parse('2026-12-10T00:00:00Z');
    const shift = await buildShift(t.db, { centerId, startsAt: at(now + 10 * HOUR), capacity: 2 });
    const [kept, leaving, waiting] = [await volunteer(), await volunteer(), await volunteer()];
    await signUpAt(at(now - DAY), kept, shift.id);
    const gone = await signUpAt(at(now - DAY), leaving, shift.id);
    expect((await signUpAt(at(now - DAY), waiting, shift.id)).status).toBe('waitlisted');
    const cancel = await t.request('POST', `/api/signups/${gone.id}/cancel`, {
      cookie: await login(leaving.email),
      body: { reason: 'Заболела' },
    });
    expect(cancel.statusCode).toBe(200);
    t.clock.set(at(now));
    await sweep();
    expect(await reminders(kept.email)).toHaveLength(1);
    expect(await reminders(leaving.email)).toHaveLength(0);
    expect(await reminders(waiting.email)).toHaveLength(0);
    expect(await kinds(waiting.id)).toEqual([]);
  });

  it('writes the mail in the recipient’s language, local time, address or online, links', async () => {
    // 02:00 UTC is 09:00 in Novokuznetsk (UTC+7).
    const start = Date.parse('2026-12-15T02:00:00Z');
    const shift = await buildShift(t.db, { centerId, startsAt: at(start), title: 'Ёлка во дворе' });
    await t.db
      .updateTable('opportunities')
      .set({ address: 'г. Новокузнецк, ул. Кирова, 55' })
      .where('id', '=', shift.opportunityId)
      .execute();
    const online = await buildShift(t.db, { centerId, startsAt: at(start + 6 * HOUR), title: 'Онлайн-урок' });
    await t.db
      .updateTable('opportunities')
      .set({ is_online: true })
      .where('id', '=', online.opportunityId)
      .execute();
    const ru = await volunteer();
    const en = await volunteer('en');
    const web = await volunteer();
    await signUpAt(at(start - 3 * DAY), ru, shift.id);
    await signUpAt(at(start - 3 * DAY), en, shift.id);
    await signUpAt(at(start - 3 * DAY), web, online.id);
    t.clock.set(at(start - 17 * HOUR));
    await sweep();

    const [mail] = await reminders(ru.email);
    expect(mail?.subject).toBe('Смена «Ёлка во дворе» — Добросеть');
    expect(plain(mail?.text_body)).toContain('Здравствуйте, Анна Ёлкина!');
    expect(plain(mail?.text_body)).toContain('Напоминаем: вы записаны на смену «Ёлка во дворе»');
    expect(plain(mail?.text_body)).toContain('15 декабря 2026 г., 09:00–12:00');
    expect(plain(mail?.text_body)).toContain('Адрес: г. Новокузнецк, ул. Кирова, 55.');
    expect(plain(mail?.text_body)).toContain('http://localhost:3000/check-in');
    expect(plain(mail?.text_body)).toContain(`http://localhost:3000/opportunities/${shift.opportunityId}`);
    expect(mail?.html_body).toContain('ул. Кирова, 55');

    const [english] = await reminders(en.email);
    expect(plain(english?.text_body)).toContain(
      'A reminder: you are signed up for the shift "Ёлка во дворе"',
    );
    expect(plain(english?.text_body)).toContain('15 December 2026, 09:00–12:00');

    const [remote] = await reminders(web.email);
    expect(plain(remote?.text_body)).toContain('Смена проходит онлайн.');
    expect(plain(remote?.text_body)).toContain('15 декабря 2026 г., 15:00–18:00');

    const notes = await t.request('GET', '/api/me/notifications', { cookie: await login(ru.email) });
    const reminder = notes.json().items.find((n: { kind: string }) => n.kind === 'signup.reminder_24h');
    expect(reminder).toMatchObject({
      link: `/opportunities/${shift.opportunityId}`,
      params: { title: 'Ёлка во дворе', address: 'г. Новокузнецк, ул. Кирова, 55', checkIn: '/check-in' },
    });
  });
});
