import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, giveGuardianConsent, setProfile } from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
let coordinator: string;
let otherCoordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const volunteer = async (
  profile: { birthDate?: string | null; skills?: string[] } = { birthDate: '1995-05-05' },
) => {
  const user = await buildUser(t.db, { role: 'volunteer' });
  await setProfile(t.db, user.id, profile);
  return { ...user, cookie: await login(user.email) };
};
// Test clock: 2026-11-24T10:00Z. Shifts start in December (Novokuznetsk, UTC+7).
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
const signUp = (cookie: string, shiftId: string, body: object = {}) =>
  t.request('POST', `/api/shifts/${shiftId}/signups`, { cookie, body });

beforeAll(async () => {
  t = await createTestPlatform();
  const center = await buildCenter(t.db);
  centerId = center.id;
  const coord = await buildUser(t.db, {
    role: 'center_coordinator',
    scopeId: centerId,
    displayName: 'Координатор',
  });
  coordinator = await login(coord.email);
  const other = await buildCenter(t.db);
  otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
  );
});
afterAll(async () => {
  await t.close();
});

describe('signing up', () => {
  it('confirms while places last, then waitlists; a second signup of the same person is refused', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(1), capacity: 1 });
    const a = await volunteer();
    const b = await volunteer();
    const first = await signUp(a.cookie, shift.id);
    expect(first.statusCode).toBe(201);
    expect(first.json().signup).toMatchObject({ status: 'confirmed', shift: { id: shift.id } });
    expect((await signUp(b.cookie, shift.id)).json().signup.status).toBe('waitlisted');
    const again = await signUp(a.cookie, shift.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_signed_up');
    const mail = await t.mailbox(a.email);
    expect(mail.at(-1)?.subject).toContain('Субботник в парке');
    expect(mail.at(-1)?.text_body).toContain('Вы записаны на смену');
    const mine = (await t.request('GET', '/api/my/signups', { cookie: a.cookie })).json();
    expect(mine.items.map((s: { status: string }) => s.status)).toEqual(['confirmed']);
    // the answer to the signup is what the signup reads as afterwards
    expect(mine.items[0]).toEqual(first.json().signup);
  });

  it('refuses anonymous signups, unknown shifts and a role of another shift', async () => {
    const shift = await buildShift(t.db, {
      centerId,
      startsAt: DEC(2),
      roles: [{ name: 'Повар', capacity: 1 }],
    });
    const other = await buildShift(t.db, {
      centerId,
      startsAt: DEC(2, 12),
      roles: [{ name: 'Водитель', capacity: 1 }],
    });
    expect((await t.request('POST', `/api/shifts/${shift.id}/signups`, { body: {} })).statusCode).toBe(401);
    const a = await volunteer();
    expect((await signUp(a.cookie, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const wrongRole = await signUp(a.cookie, shift.id, { roleId: other.roles[0]?.id });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().errors[0].code).toBe('unknown_role');
    expect((await signUp(a.cookie, shift.id, { roleId: shift.roles[0]?.id })).json().signup.role.name).toBe(
      'Повар',
    );
    const b = await volunteer();
    expect((await signUp(b.cookie, shift.id, { roleId: shift.roles[0]?.id })).json().signup.status).toBe(
      'waitlisted',
    );
    // the opportunity page counts a role's places as the decision does: offers and walk-ins hold them too
    const roleTaken = async () =>
      (await t.request('GET', `/api/public/opportunities/${shift.opportunityId}`)).json().opportunity
        .shifts[0].roles[0].taken;
    expect(await roleTaken()).toBe(1);
    await t.db
      .updateTable('signups')
      .set({ status: 'offered', offered_until: DEC(1) })
      .where('user_id', '=', b.id)
      .execute();
    await t.db
      .insertInto('shift_walk_ins')
      .values({
        shift_id: shift.id,
        role_id: shift.roles[0]?.id,
        full_name: 'Гость',
        checked_in_at: DEC(1),
        created_at: DEC(1),
      } as never)
      .execute();
    expect(await roleTaken()).toBe(3);
  });

  it('refuses a started shift', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: new Date(Date.UTC(2026, 10, 24, 9)) });
    const a = await volunteer();
    const res = await signUp(a.cookie, shift.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('shift_started');
  });
});

describe('age, guardian consent and skills', () => {
  it('checks the minimum age, asks for a birth date, needs guardian consent for a minor', async () => {
    const adults = await buildShift(t.db, { centerId, startsAt: DEC(3), minAge: 18 });
    const young = await volunteer({ birthDate: '2010-01-01' });
    const res = await signUp(young.cookie, adults.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'not_eligible',
      errors: [{ field: 'birthDate', code: 'too_young' }],
    });
    const unknown = await volunteer({ birthDate: null });
    expect((await signUp(unknown.cookie, adults.id)).json().errors[0].code).toBe('birth_date_required');

    const open = await buildShift(t.db, { centerId, startsAt: DEC(3, 12), minAge: 14 });
    const minor = await signUp(young.cookie, open.id);
    expect(minor.json().errors[0].code).toBe('guardian_consent_required');
    await giveGuardianConsent(t.db, young.id);
    expect((await signUp(young.cookie, open.id)).json().signup.status).toBe('confirmed');
  });

  it('requires the skills of the opportunity', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(4), skills: ['first_aid'] });
    const without = await volunteer({ birthDate: '1990-01-01', skills: ['cooking'] });
    const res = await signUp(without.cookie, shift.id);
    expect(res.json()).toMatchObject({ code: 'not_eligible', errors: [{ code: 'skills_missing' }] });
    const medic = await volunteer({ birthDate: '1990-01-01', skills: ['first_aid'] });
    expect((await signUp(medic.cookie, shift.id)).json().signup.status).toBe('confirmed');
  });
});

describe('overlap and limits', () => {
  it('refuses an overlapping shift, too many hours a day and too little rest', async () => {
    const a = await volunteer();
    const morning = await buildShift(t.db, { centerId, startsAt: DEC(5, 1), hours: 4 }); // 08–12 local
    const clash = await buildShift(t.db, { centerId, startsAt: DEC(5, 3), hours: 2 });
    const tooClose = await buildShift(t.db, { centerId, startsAt: DEC(5, 5), hours: 1 }); // right after
    const long = await buildShift(t.db, { centerId, startsAt: DEC(5, 8), hours: 9 }); // 4 + 9 > 12
    expect((await signUp(a.cookie, morning.id)).json().signup.status).toBe('confirmed');
    const codes = async (id: string) =>
      (await signUp(a.cookie, id)).json().errors.map((e: { code: string }) => e.code);
    expect(await codes(clash.id)).toEqual(['shift_overlap']);
    expect(await codes(tooClose.id)).toEqual(['rest_too_short']);
    expect(await codes(long.id)).toEqual(['hours_per_day_exceeded']);
    // a waitlist place holds nothing, so it is not checked until a place is offered
    const full = await buildShift(t.db, { centerId, startsAt: DEC(5, 2), capacity: 1 });
    const b = await volunteer();
    await signUp(b.cookie, full.id);
    expect((await signUp(a.cookie, full.id)).json().signup.status).toBe('waitlisted');
  });
});

describe('approval, cancellation and attendance', () => {
  it('an approval opportunity waits for the coordinator; the volunteer cannot approve themselves', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(6), mode: 'approval', capacity: 1 });
    const a = await volunteer();
    const applied = (await signUp(a.cookie, shift.id)).json().signup;
    expect(applied.status).toBe('applied');
    expect(
      (await t.request('POST', `/api/signups/${applied.id}/approve`, { cookie: a.cookie })).statusCode,
    ).toBe(403);
    expect(
      (await t.request('POST', `/api/signups/${applied.id}/approve`, { cookie: otherCoordinator }))
        .statusCode,
    ).toBe(404);
    const approved = await t.request('POST', `/api/signups/${applied.id}/approve`, { cookie: coordinator });
    expect(approved.json().signup.status).toBe('confirmed');
    const again = await t.request('POST', `/api/signups/${applied.id}/approve`, { cookie: coordinator });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('illegal_transition');
    // approving when the shift is full puts the applicant on the waitlist
    const b = await volunteer();
    const second = (await signUp(b.cookie, shift.id)).json().signup;
    expect(
      (await t.request('POST', `/api/signups/${second.id}/approve`, { cookie: coordinator })).json().signup
        .status,
    ).toBe('waitlisted');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', applied.id)
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['signup.created', 'signup.approve']);
  });

  it('declines with a reason; cancels with a reason by either side', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(7), mode: 'approval' });
    const a = await volunteer();
    const s = (await signUp(a.cookie, shift.id)).json().signup;
    const noReason = await t.request('POST', `/api/signups/${s.id}/decline`, {
      cookie: coordinator,
      body: { reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    const declined = await t.request('POST', `/api/signups/${s.id}/decline`, {
      cookie: coordinator,
      body: { reason: 'Нужны только совершеннолетние водители' },
    });
    expect(declined.json().signup).toMatchObject({ status: 'cancelled', cancelledBy: 'coordinator' });
    expect((await t.mailbox(a.email)).at(-1)?.text_body).toContain('Нужны только совершеннолетние водители');

    const auto = await buildShift(t.db, { centerId, startsAt: DEC(8) });
    const mine = (await signUp(a.cookie, auto.id)).json().signup;
    const stranger = await volunteer();
    expect(
      (
        await t.request('POST', `/api/signups/${mine.id}/cancel`, {
          cookie: stranger.cookie,
          body: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    const withdrawn = await t.request('POST', `/api/signups/${mine.id}/cancel`, {
      cookie: a.cookie,
      body: { reason: 'Заболел' },
    });
    expect(withdrawn.json().signup).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'volunteer',
      reason: 'Заболел',
    });
    const twice = await t.request('POST', `/api/signups/${mine.id}/cancel`, {
      cookie: a.cookie,
      body: { reason: 'x' },
    });
    expect(twice.json().code).toBe('illegal_transition');
    // after cancelling, the volunteer may sign up again
    expect((await signUp(a.cookie, auto.id)).json().signup.status).toBe('confirmed');
  });

  it('marks attendance only after the start, by the coordinator', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: new Date(Date.UTC(2026, 10, 24, 12)) });
    const a = await volunteer();
    const s = (await signUp(a.cookie, shift.id)).json().signup;
    const early = await t.request('POST', `/api/signups/${s.id}/attendance`, {
      cookie: coordinator,
      body: { status: 'attended' },
    });
    expect(early.json().code).toBe('shift_not_started');
    t.clock.set(new Date(Date.UTC(2026, 10, 24, 12, 30)));
    try {
      expect(
        (
          await t.request('POST', `/api/signups/${s.id}/attendance`, {
            cookie: a.cookie,
            body: { status: 'attended' },
          })
        ).statusCode,
      ).toBe(403);
      const marked = await t.request('POST', `/api/signups/${s.id}/attendance`, {
        cookie: coordinator,
        body: { status: 'no_show' },
      });
      expect(marked.json().signup.status).toBe('no_show');
      const fixed = await t.request('POST', `/api/signups/${s.id}/attendance`, {
        cookie: coordinator,
        body: { status: 'attended' },
      });
      expect(fixed.json().signup.status).toBe('attended');
    } finally {
      t.clock.set(new Date('2026-11-24T10:00:00Z'));
    }
  });
});

describe('coordinator tools', () => {
  it('assigns directly, shows the roster, messages everyone and exports it', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(9), capacity: 2, mode: 'approval' });
    const a = await volunteer();
    const b = await volunteer();
    // a signed up at this centre before (their own act): the coordinator may place them directly
    const before = await buildShift(t.db, { centerId, startsAt: DEC(8) });
    await signUp(a.cookie, before.id);
    const assigned = await t.request('POST', `/api/shifts/${shift.id}/assign`, {
      cookie: coordinator,
      body: { userId: a.id },
    });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json().signup.status).toBe('confirmed');
    expect(
      (
        await t.request('POST', `/api/shifts/${shift.id}/assign`, {
          cookie: a.cookie,
          body: { userId: b.id },
        })
      ).statusCode,
    ).toBe(404);
    const stranger = await t.request('POST', `/api/shifts/${shift.id}/assign`, {
      cookie: coordinator,
      body: { userId: b.id },
    });
    expect(stranger.json().errors[0]).toMatchObject({ field: 'userId', code: 'not_a_candidate' });
    await signUp(b.cookie, shift.id);
    const roster = (await t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: coordinator })).json();
    expect(roster.shift).toMatchObject({ capacity: 2, held: 1, signupMode: 'approval' });
    expect(roster.entries.map((e: { status: string }) => e.status)).toEqual(['confirmed', 'applied']);
    expect(
      (await t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: otherCoordinator })).statusCode,
    ).toBe(404);

    const sent = await t.request('POST', `/api/shifts/${shift.id}/message`, {
      cookie: coordinator,
      body: { text: 'Сбор у главного входа в 9:45' },
    });
    expect(sent.json()).toEqual({ recipients: 2 });
    expect((await t.mailbox(b.email)).at(-1)?.text_body).toContain('Сбор у главного входа в 9:45');
    const notes = (await t.request('GET', '/api/me/notifications', { cookie: b.cookie })).json();
    expect(notes.items[0].kind).toBe('signup.message');

    const csv = await t.request('GET', `/api/shifts/${shift.id}/roster.csv`, { cookie: coordinator });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(a.email);
    expect(csv.body).toContain('Подпись');
    const xlsx = await t.request('GET', `/api/shifts/${shift.id}/roster.xlsx`, { cookie: coordinator });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (await t.request('GET', `/api/shifts/${shift.id}/roster.csv`, { cookie: a.cookie })).statusCode,
    ).toBe(404);
  });
});
