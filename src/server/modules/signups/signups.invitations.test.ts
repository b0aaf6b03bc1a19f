/**
 * Nobody is put on a shift by their e-mail alone, and the answers never tell whether an address is
 * registered (issue 9, item 8): the roster's invitation by e-mail and the desk's walk-up by e-mail mail
 * an invitation the person accepts themselves; only the centre's own people are placed directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
let coordinatorId: string;
let coordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
// Test clock: 2026-11-24T10:00Z. Shifts start in December (Novokuznetsk, UTC+7).
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
const MINUTE = 60_000;
const volunteer = async (opts: { consent?: boolean; email?: string; displayName?: string } = {}) => {
  const user = await buildUser(t.db, { role: 'volunteer', email: opts.email, displayName: opts.displayName });
  await setProfile(t.db, user.id, { birthDate: '1995-05-05', consent: opts.consent });
  return { ...user, cookie: await login(user.email) };
};
const invite = (shiftId: string, body: object, cookie = coordinator) =>
  t.request('POST', `/api/shifts/${shiftId}/invitations`, { cookie, body });
const signupsOf = (shiftId: string) =>
  t.db.selectFrom('signups').select(['user_id', 'status']).where('shift_id', '=', shiftId).execute();
/** The answer with what necessarily differs (the id, the address) taken out. */
const shape = (body: { invitation: Record<string, unknown> }) => {
  const { id, email, ...rest } = body.invitation;
  return { id: typeof id, email: typeof email, ...rest };
};

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  const coord = await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId });
  coordinatorId = coord.id;
  coordinator = await login(coord.email);
});
afterAll(async () => {
  await t.close();
});

describe('inviting by e-mail from the roster', () => {
  it('answers the same for a registered and an unknown address and attaches nobody', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(1), capacity: 3 });
    const known = await volunteer({ email: `known-${Date.now()}@example.ru` });
    const registered = await invite(shift.id, { email: known.email.toUpperCase() });
    const unknown = await invite(shift.id, { email: 'nobody-here@example.ru' });
    expect(registered.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(shape(registered.json())).toEqual(shape(unknown.json()));
    expect(registered.json().invitation).toMatchObject({ email: known.email, status: 'pending' });
    expect(Object.keys(registered.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    // nobody is on the shift; both addresses got the same invitation mail
    expect(await signupsOf(shift.id)).toEqual([]);
    for (const to of [known.email, 'nobody-here@example.ru']) {
      const mail = (await t.mailbox(to)).filter((m) => m.template === 'signup_invited');
      expect(mail).toHaveLength(1);
      expect(mail[0]?.text_body).toContain('приглашает вас на смену');
    }
    // asking again answers the same invitation and mails nothing new
    const again = await invite(shift.id, { email: known.email });
    expect(again.json().invitation.id).toBe(registered.json().invitation.id);
    expect((await t.mailbox(known.email)).filter((m) => m.template === 'signup_invited')).toHaveLength(1);
    const roster = (await t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: coordinator })).json();
    const listed = roster.invitations.map((i: { email: string; status: string }) => [i.email, i.status]);
    expect(listed.sort()).toEqual(
      [
        [known.email, 'pending'],
        ['nobody-here@example.ru', 'pending'],
      ].sort(),
    );
    // a volunteer may not invite; a coordinator of another centre gets 404
    expect((await invite(shift.id, { email: 'x@example.ru' }, known.cookie)).statusCode).toBe(404);
  });

  it('the addressee accepts in their own account: a place with every check; declining looks pending', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(2), capacity: 3 });
    const ann = await volunteer({ displayName: 'Анна Приглашённая' });
    const bob = await volunteer();
    const sent = (await invite(shift.id, { email: ann.email })).json().invitation;
    const toBob = (await invite(shift.id, { email: bob.email })).json().invitation;
    const mine = (await t.request('GET', '/api/my/signups', { cookie: ann.cookie })).json();
    expect(mine.invitations).toMatchObject([
      { id: sent.id, status: 'pending', source: 'coordinator', shift: { id: shift.id } },
    ]);
    // someone else cannot see, accept or decline it
    expect(
      (await t.request('POST', `/api/invitations/${sent.id}/accept`, { cookie: bob.cookie })).statusCode,
    ).toBe(404);
    expect(
      (await t.request('POST', `/api/invitations/${sent.id}/decline`, { cookie: bob.cookie })).statusCode,
    ).toBe(404);
    const accepted = await t.request('POST', `/api/invitations/${sent.id}/accept`, { cookie: ann.cookie });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().signup).toMatchObject({ status: 'confirmed', shift: { id: shift.id } });
    const again = await t.request('POST', `/api/invitations/${sent.id}/accept`, { cookie: ann.cookie });
    expect(again.json().code).toBe('invitation_unavailable');
    const declined = await t.request('POST', `/api/invitations/${toBob.id}/decline`, { cookie: bob.cookie });
    expect(declined.json().invitation.status).toBe('declined');
    const roster = (await t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: coordinator })).json();
    expect(roster.entries.map((e: { user: { id: string } }) => e.user.id)).toEqual([ann.id]);
    // Bob's decline is not shown: it would tell that his address has an account
    expect(roster.invitations).toMatchObject([{ id: toBob.id, status: 'pending' }]);
    const notes = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', coordinatorId)
      .where('kind', '=', 'signup.invitation_accepted')
      .execute();
    expect(notes).toHaveLength(1);
  });

  it('after a decline, inviting again and withdrawing look as for an address nobody answered', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(4), capacity: 3 });
    const dan = await volunteer();
    const nobody = 'nobody-answers@example.ru';
    const toDan = (await invite(shift.id, { email: dan.email })).json().invitation;
    const toNobody = (await invite(shift.id, { email: nobody })).json().invitation;
    await t.request('POST', `/api/invitations/${toDan.id}/decline`, { cookie: dan.cookie });
    // inviting again answers the same invitation and mails nothing, for both
    for (const [email, first] of [
      [dan.email, toDan],
      [nobody, toNobody],
    ] as const) {
      const again = await invite(shift.id, { email });
      expect(again.json().invitation).toMatchObject({ id: first.id, status: 'pending' });
      expect((await t.mailbox(email)).filter((m) => m.template === 'signup_invited')).toHaveLength(1);
    }
    const listed = async () =>
      (await t.request('GET', `/api/shifts/${shift.id}/roster`, { cookie: coordinator }))
        .json()
        .invitations.map((i: { id: string }) => i.id)
        .sort();
    expect(await listed()).toEqual([toDan.id, toNobody.id].sort());
    // withdrawing takes both off the roster; inviting anew makes a new invitation for both
    for (const first of [toDan, toNobody]) {
      const withdrawn = await t.request('POST', `/api/invitations/${first.id}/withdraw`, {
        cookie: coordinator,
      });
      expect(withdrawn.json().invitation.status).toBe('withdrawn');
    }
    expect(await listed()).toEqual([]);
    for (const [email, first] of [
      [dan.email, toDan],
      [nobody, toNobody],
    ] as const) {
      const anew = (await invite(shift.id, { email })).json().invitation;
      expect(anew.id).not.toBe(first.id);
      expect((await t.mailbox(email)).filter((m) => m.template === 'signup_invited')).toHaveLength(2);
    }
    expect(await listed()).toHaveLength(2);
  });

  it('accepting checks the consent and the places; a withdrawn invitation cannot be accepted', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(3), capacity: 1 });
    const noConsent = await volunteer({ consent: false });
    const late = await volunteer();
    const first = await volunteer();
    const a = (await invite(shift.id, { email: noConsent.email })).json().invitation;
    const b = (await invite(shift.id, { email: late.email })).json().invitation;
    const refused = await t.request('POST', `/api/invitations/${a.id}/accept`, { cookie: noConsent.cookie });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual(['consent_required']);
    await t.request('POST', `/api/shifts/${shift.id}/signups`, { cookie: first.cookie, body: {} });
    const full = await t.request('POST', `/api/invitations/${b.id}/accept`, { cookie: late.cookie });
    expect(full.json().code).toBe('shift_full');
    expect(
      (await t.request('POST', `/api/invitations/${a.id}/withdraw`, { cookie: coordinator })).json(),
    ).toMatchObject({
      invitation: { status: 'withdrawn' },
    });
    await t.db.updateTable('shifts').set({ capacity: 2 }).where('id', '=', shift.id).execute();
    const gone = await t.request('POST', `/api/invitations/${a.id}/accept`, { cookie: noConsent.cookie });
    expect(gone.json().code).toBe('invitation_unavailable');
  });
});

describe('placing directly', () => {
  it('only the centre’s own people (an earlier signup of theirs, a squad member) can be assigned', async () => {
    const earlier = await buildShift(t.db, { centerId, startsAt: DEC(5) });
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(6), capacity: 5 });
    const regular = await volunteer({ displayName: 'Пётр Постоянный' });
    await t.request('POST', `/api/shifts/${earlier.id}/signups`, { cookie: regular.cookie, body: {} });
    const member = await volunteer({ displayName: 'Ёлка Отрядная' });
    const squad = await t.db
      .insertInto('squads')
      .values({ center_id: centerId, name: 'Отряд', invite_code: 'DIRECT-1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('squad_members')
      .values({
        squad_id: squad.id,
        user_id: member.id,
        status: 'active',
        joined_via: 'code',
        requested_at: new Date(),
      })
      .execute();
    const stranger = await volunteer({ displayName: 'Пётр Посторонний' });

    const found = await t.request('GET', `/api/shifts/${shift.id}/candidates?q=пётр`, {
      cookie: coordinator,
    });
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([regular.id]);
    const byYo = await t.request('GET', `/api/shifts/${shift.id}/candidates?q=елка`, { cookie: coordinator });
    expect(byYo.json().items.map((c: { id: string }) => c.id)).toEqual([member.id]);

    for (const person of [regular, member]) {
      const assigned = await t.request('POST', `/api/shifts/${shift.id}/assign`, {
        cookie: coordinator,
        body: { userId: person.id },
      });
      expect(assigned.statusCode).toBe(201);
      expect(assigned.json().signup.status).toBe('confirmed');
    }
    const refused = await t.request('POST', `/api/shifts/${shift.id}/assign`, {
      cookie: coordinator,
      body: { userId: stranger.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'userId', code: 'not_a_candidate' });
    expect((await signupsOf(shift.id)).map((s) => s.user_id).sort()).toEqual([regular.id, member.id].sort());
  });
});

describe('the desk’s walk-up by e-mail', () => {
  it('mails an invitation (same answer for any address); accepting it checks the person in', async () => {
    const shift = await buildShift(t.db, {
      centerId,
      startsAt: new Date(t.clock.now().getTime() + 30 * MINUTE),
      capacity: 3,
    });
    const walker = await volunteer();
    const walkUp = (body: object) =>
      t.request('POST', `/api/shifts/${shift.id}/walk-ins`, { cookie: coordinator, body });
    const known = await walkUp({ email: walker.email });
    const unknown = await walkUp({ email: 'stranger-at-desk@example.ru' });
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(known.json()).toMatchObject({
      entry: null,
      walkIn: null,
      invitation: { status: 'pending', source: 'desk' },
    });
    expect(shape({ invitation: known.json().invitation })).toEqual(
      shape({ invitation: unknown.json().invitation }),
    );
    expect(await signupsOf(shift.id)).toEqual([]);
    const desk = (await t.request('GET', `/api/shifts/${shift.id}/desk`, { cookie: coordinator })).json();
    expect(desk.invitations).toHaveLength(2);

    const inv = (await t.request('GET', '/api/my/signups', { cookie: walker.cookie })).json().invitations[0];
    const accepted = await t.request('POST', `/api/invitations/${inv.id}/accept`, { cookie: walker.cookie });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().signup).toMatchObject({
      status: 'attended',
      checkedInAt: t.clock.now().toISOString(),
    });
    const after = (await t.request('GET', `/api/shifts/${shift.id}/desk`, { cookie: coordinator })).json();
    expect(after.entries).toMatchObject([{ user: { id: walker.id }, status: 'attended', method: 'desk' }]);
    expect(after.invitations).toHaveLength(1);
  });
});
