/**
 * Handing a shift over by e-mail tells the offerer nothing about the address (issue 9, items 8 and 19):
 * the same answer and the same work for any address, the offer stored by the address and resolved to a
 * person only when they accept it in their own account with that verified address; eligibility is
 * checked at acceptance and never reported to the offerer; a decline looks pending to the offerer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';
import { SESSION_COOKIE } from '../../platform/auth/session-plugin.js';

let t: TestPlatform;
let centerId: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
// Test clock: 2026-11-24T10:00Z. Shifts start in December (Novokuznetsk, UTC+7).
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
let n = 0;
const address = (what: string) => `${what}-${++n}-${Date.now()}@example.ru`;
const volunteer = async (opts: { birthDate?: string; verified?: boolean; name?: string } = {}) => {
  const user = await buildUser(t.db, {
    role: 'volunteer',
    email: address('v'),
    verified: opts.verified,
    displayName: opts.name,
  });
  await setProfile(t.db, user.id, { birthDate: opts.birthDate ?? '1995-05-05' });
  // an account whose address is not verified cannot log in with a password: a session of its own
  const cookie =
    opts.verified === false
      ? `${SESSION_COOKIE}=${(await t.services.sessions.start(user.id, { ip: null, userAgent: null })).token}`
      : await login(user.email);
  return { ...user, cookie };
};
type Person = Awaited<ReturnType<typeof volunteer>>;

/** A confirmed place of `who` on a new shift (minimum age 18). */
async function placeOf(who: Person, day: number) {
  const shift = await buildShift(t.db, { centerId, startsAt: DEC(day), capacity: 1, minAge: 18 });
  const res = await t.request('POST', `/api/shifts/${shift.id}/signups`, { cookie: who.cookie, body: {} });
  expect(res.json().signup.status).toBe('confirmed');
  return res.json().signup.id as string;
}
const offer = (signupId: string, email: string, cookie: string) =>
  t.request('POST', `/api/signups/${signupId}/swaps`, { cookie, body: { email } });
const accept = (swapId: string, cookie: string) =>
  t.request('POST', `/api/swaps/${swapId}/accept`, { cookie });
const decline = (swapId: string, cookie: string) =>
  t.request('POST', `/api/swaps/${swapId}/decline`, { cookie });
const mySwaps = async (cookie: string) =>
  (await t.request('GET', '/api/my/signups', { cookie })).json().swaps as {
    id: string;
    status: string;
    from: { id: string };
    to: { email: string; displayName: string | null };
  }[];
/** The answer with what necessarily differs (the id, the address) taken out. */
const shape = (body: { swap: { id: string; to: { email: string } } & Record<string, unknown> }) => {
  const { id, to, ...rest } = body.swap;
  return { id: typeof id, to: { ...to, email: typeof to.email }, ...rest };
};
const byFirst = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
const rowsOf = (signupId: string) =>
  t.db
    .selectFrom('signup_swaps')
    .select(['id', 'to_email', 'to_user_id', 'status'])
    .where('signup_id', '=', signupId)
    .orderBy('to_email')
    .execute();
const auditOf = (signupId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .select('data')
    .where('entity_id', '=', signupId)
    .where('action', '=', action)
    .execute();
const swapMail = async (to: string) =>
  (await t.mailbox(to)).filter((m) => m.template === 'signup_swap_offered');
const swapNotices = (userId: string) =>
  t.db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', userId)
    .where('kind', '=', 'signup.swap_offered')
    .execute();

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
});
afterAll(async () => {
  await t.close();
});

describe('offering a shift by e-mail', () => {
  it('answers the same for an eligible account, an ineligible one and an unknown address', async () => {
    const giver = await volunteer();
    const adult = await volunteer({ name: 'Анна Взрослая' });
    const minor = await volunteer({ birthDate: '2012-03-03' });
    const nobody = address('nobody');
    const mine = await placeOf(giver, 1);

    const toAdult = await offer(mine, `  ${adult.email.toUpperCase()} `, giver.cookie);
    const toMinor = await offer(mine, minor.email, giver.cookie);
    const toNobody = await offer(mine, nobody, giver.cookie);
    for (const res of [toAdult, toMinor, toNobody]) expect(res.statusCode).toBe(201);
    expect(shape(toMinor.json())).toEqual(shape(toAdult.json()));
    expect(shape(toNobody.json())).toEqual(shape(toAdult.json()));
    // the address as typed (normalised), pending, nobody named; nothing about the minor's age
    expect(toAdult.json().swap).toMatchObject({
      status: 'pending',
      signupId: mine,
      from: { id: giver.id },
      to: { email: adult.email, displayName: null },
    });
    expect(toMinor.json().swap.to).toEqual({ email: minor.email, displayName: null });
    expect(toNobody.body).not.toMatch(/not_eligible|min_age|too_young/);

    // the same work for each: a row by address (no person yet), an audit row, one mail to the address
    const rows = await rowsOf(mine);
    expect(rows.map((r) => [r.to_email, r.to_user_id, r.status])).toEqual(
      [
        [adult.email, null, 'pending'],
        [minor.email, null, 'pending'],
        [nobody, null, 'pending'],
      ].sort(byFirst),
    );
    expect(await auditOf(mine, 'signup.swap_offered')).toHaveLength(3);
    for (const to of [adult.email, minor.email, nobody]) {
      const mail = await swapMail(to);
      expect(mail).toHaveLength(1);
      expect(mail[0]?.text_body).toContain('предлагает вам свою смену');
      expect(mail[0]?.text_body).toContain('войдите в Добросеть с этим адресом почты');
    }
    // an account also gets the in-app notice
    expect(await swapNotices(adult.id)).toHaveLength(1);
    expect(await swapNotices(minor.id)).toHaveLength(1);

    // asking again for the same address answers the same offer and mails nothing new
    const again = await offer(mine, minor.email.toUpperCase(), giver.cookie);
    expect(again.statusCode).toBe(201);
    expect(again.json().swap.id).toBe(toMinor.json().swap.id);
    expect(await swapMail(minor.email)).toHaveLength(1);
    expect(await rowsOf(mine)).toHaveLength(3);

    // handing a shift to oneself is refused (that tells nothing)
    const self = await offer(mine, giver.email.toUpperCase(), giver.cookie);
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('swap_to_self');
  });

  it('is accepted only in the account with that verified address; eligibility is checked there', async () => {
    const giver = await volunteer();
    const adult = await volunteer({ name: 'Борис Принял' });
    const minor = await volunteer({ birthDate: '2012-03-03' });
    const stranger = await volunteer();
    const mine = await placeOf(giver, 2);
    const toMinor = (await offer(mine, minor.email, giver.cookie)).json().swap.id as string;
    const toAdult = (await offer(mine, adult.email, giver.cookie)).json().swap.id as string;
    const toNobody = (await offer(mine, address('nobody'), giver.cookie)).json().swap.id as string;

    // the addressee sees the offer in their own list, with who offers it
    const incoming = await mySwaps(adult.cookie);
    expect(incoming.map((s) => [s.id, s.status, s.from.id])).toEqual([[toAdult, 'pending', giver.id]]);
    // someone else, and the offerer, cannot accept it: it does not exist for them
    expect((await accept(toAdult, stranger.cookie)).statusCode).toBe(404);
    expect((await accept(toAdult, giver.cookie)).statusCode).toBe(404);
    expect((await decline(toAdult, stranger.cookie)).statusCode).toBe(404);

    // the minor is refused at acceptance, with their own reasons; the offerer is told nothing
    const refused = await accept(toMinor, minor.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('not_eligible');
    const seen = await mySwaps(giver.cookie);
    expect(seen.map((s) => [s.id, s.status, s.to.displayName]).sort(byFirst)).toEqual(
      [
        [toMinor, 'pending', null],
        [toAdult, 'pending', null],
        [toNobody, 'pending', null],
      ].sort(byFirst),
    );

    const taken = await accept(toAdult, adult.cookie);
    expect(taken.statusCode).toBe(200);
    expect(taken.json().swap).toMatchObject({
      status: 'accepted',
      to: { email: adult.email, displayName: 'Борис Принял' },
    });
    const { shift_id } = await t.db
      .selectFrom('signups')
      .select('shift_id')
      .where('id', '=', mine)
      .executeTakeFirstOrThrow();
    const held = await t.db
      .selectFrom('signups')
      .select(['user_id', 'status', 'reason'])
      .where('shift_id', '=', shift_id)
      .execute();
    expect(held).toHaveLength(2);
    expect(held).toEqual(
      expect.arrayContaining([
        { user_id: giver.id, status: 'cancelled', reason: 'swapped' },
        { user_id: adult.id, status: 'confirmed', reason: null },
      ]),
    );
    // the person is recorded once they accept; the other offers are withdrawn
    const after = new Map((await rowsOf(mine)).map((r) => [r.id, [r.to_user_id, r.status]]));
    expect(Object.fromEntries(after)).toEqual({
      [toMinor]: [null, 'withdrawn'],
      [toAdult]: [adult.id, 'accepted'],
      [toNobody]: [null, 'withdrawn'],
    });
    expect(await mySwaps(giver.cookie)).toEqual([]);
  });

  it('an account whose address is not verified neither sees nor accepts the offer until it is', async () => {
    const giver = await volunteer();
    const unverified = await volunteer({ verified: false });
    const mine = await placeOf(giver, 3);
    const swap = (await offer(mine, unverified.email, giver.cookie)).json().swap.id as string;
    expect(await mySwaps(unverified.cookie)).toEqual([]);
    expect((await accept(swap, unverified.cookie)).statusCode).toBe(404);
    await t.db
      .updateTable('users')
      .set({ email_verified_at: new Date() })
      .where('id', '=', unverified.id)
      .execute();
    expect((await mySwaps(unverified.cookie)).map((s) => s.id)).toEqual([swap]);
    expect((await accept(swap, unverified.cookie)).statusCode).toBe(200);
  });

  it('a decline looks pending to the offerer; they withdraw it and may offer again', async () => {
    const giver = await volunteer();
    const peer = await volunteer();
    const nobody = address('nobody');
    const mine = await placeOf(giver, 4);
    const first = (await offer(mine, peer.email, giver.cookie)).json().swap.id as string;
    const unknown = (await offer(mine, nobody, giver.cookie)).json().swap.id as string;

    const declined = await decline(first, peer.cookie);
    expect(declined.statusCode).toBe(200);
    expect(declined.json().swap.status).toBe('declined');
    expect(await mySwaps(peer.cookie)).toEqual([]);
    // to the offerer both still look the same: pending
    expect((await mySwaps(giver.cookie)).map((s) => [s.id, s.status]).sort(byFirst)).toEqual(
      [
        [first, 'pending'],
        [unknown, 'pending'],
      ].sort(byFirst),
    );
    // offering again to either address answers the open offer, as for an address nobody answered
    expect((await offer(mine, peer.email, giver.cookie)).json().swap).toMatchObject({
      id: first,
      status: 'pending',
    });
    expect((await offer(mine, nobody, giver.cookie)).json().swap.id).toBe(unknown);
    expect(await swapMail(peer.email)).toHaveLength(1);

    // the offerer withdraws both the same way, then offers again: new offers, new mail
    for (const id of [first, unknown]) {
      const withdrawn = await decline(id, giver.cookie);
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json().swap.status).toBe('withdrawn');
    }
    expect(await mySwaps(giver.cookie)).toEqual([]);
    const second = (await offer(mine, peer.email, giver.cookie)).json().swap;
    expect(second).toMatchObject({ status: 'pending' });
    expect(second.id).not.toBe(first);
    expect(await swapMail(peer.email)).toHaveLength(2);
    expect((await mySwaps(peer.cookie)).map((s) => s.id)).toEqual([second.id]);
    // a withdrawn offer can no longer be answered
    expect((await accept(first, peer.cookie)).json().code).toBe('swap_unavailable');
    expect((await accept(second.id, peer.cookie)).statusCode).toBe(200);
  });
});
