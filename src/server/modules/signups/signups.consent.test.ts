/**
 * The consent to volunteering gates every path onto a shift (issue 9, item 3), and withdrawing it — or a
 * guardian withdrawing theirs for a minor — cancels the person's future places.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import {
  buildShift,
  giveGuardianConsent,
  setProfile,
  volunteeringDocument,
} from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
let coordinatorId: string;
let coordinator: string;
let coordinatorEmail: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
// Test clock: 2026-11-24T10:00Z. Shifts start in December (Novokuznetsk, UTC+7).
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
const NOV = (day: number) => new Date(Date.UTC(2026, 10, day, 2));
const volunteer = async (profile: { birthDate?: string | null; consent?: boolean } | null = {}) => {
  const user = await buildUser(t.db, { role: 'volunteer' });
  if (profile) await setProfile(t.db, user.id, { birthDate: '1995-05-05', ...profile });
  return { ...user, cookie: await login(user.email) };
};
const signUp = (cookie: string, shiftId: string) =>
  t.request('POST', `/api/shifts/${shiftId}/signups`, { cookie, body: {} });
const withdraw = (cookie: string, purpose = 'volunteering') =>
  t.request('POST', `/api/volunteers/me/consents/${purpose}/withdraw`, { cookie });
const codes = (r: { json(): { errors?: { code: string }[] } }) => (r.json().errors ?? []).map((e) => e.code);
const statusOf = async (signupId: string) =>
  t.db
    .selectFrom('signups')
    .select(['status', 'cancelled_by', 'reason'])
    .where('id', '=', signupId)
    .executeTakeFirstOrThrow();

/** Publishes a new text of the volunteering consent: earlier consents now need renewal. */
async function newConsentText(version: string) {
  await volunteeringDocument(t.db);
  await t.db
    .insertInto('consent_documents')
    .values({
      purpose: 'volunteering',
      version,
      title_ru: 'Согласие',
      title_en: 'Consent',
      text_ru: 'Новый текст.',
      text_en: 'New text.',
      published_at: new Date(t.clock.now().getTime() - 60_000),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  const coord = await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId });
  coordinatorId = coord.id;
  coordinatorEmail = coord.email;
  coordinator = await login(coord.email);
});
afterAll(async () => {
  await t.close();
});

describe('the consent to volunteering gates a signup', () => {
  it('a verified account with no profile and no consent is refused, saying what to do', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(1) });
    const bare = await volunteer(null);
    const r = await signUp(bare.cookie, shift.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('not_eligible');
    expect(codes(r)).toEqual(['consent_required', 'birth_date_required']);
    expect(r.json().errors[0]).toMatchObject({ field: 'consents' });
    expect(r.json().errors[0].message).toContain('Согласия');
  });

  it('a withdrawn consent refuses; giving it again lets the person sign up', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(2) });
    const v = await volunteer();
    expect((await withdraw(v.cookie)).statusCode).toBe(200);
    const refused = await signUp(v.cookie, shift.id);
    expect(refused.statusCode).toBe(409);
    expect(codes(refused)).toEqual(['consent_required']);
    const version = await volunteeringDocument(t.db);
    const given = await t.request('POST', '/api/volunteers/me/consents', {
      cookie: v.cookie,
      body: { purpose: 'volunteering', version, agreed: true },
    });
    expect(given.statusCode).toBe(200);
    const ok = await signUp(v.cookie, shift.id);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().signup.status).toBe('confirmed');
  });
});

describe('every path checks it', () => {
  it('a new text of the consent: the offer cannot be accepted, approval and promotion pass the person by', async () => {
    const full = await buildShift(t.db, { centerId, startsAt: DEC(3), capacity: 1 });
    const [holder, offeree, next] = [await volunteer(), await volunteer(), await volunteer()];
    const held = (await signUp(holder.cookie, full.id)).json().signup.id as string;
    const waiting = (await signUp(offeree.cookie, full.id)).json().signup.id as string;
    const queued = (await signUp(next.cookie, full.id)).json().signup.id as string;
    const approval = await buildShift(t.db, { centerId, startsAt: DEC(3, 12), mode: 'approval' });
    const applied = (await signUp(next.cookie, approval.id)).json().signup.id as string;

    await t.request('POST', `/api/signups/${held}/cancel`, {
      cookie: holder.cookie,
      body: { reason: 'Заболел' },
    });
    await t.services.signups.jobs.drain();
    expect((await statusOf(waiting)).status).toBe('offered');

    await newConsentText('v-renewal-1');
    const accept = await t.request('POST', `/api/signups/${waiting}/accept`, { cookie: offeree.cookie });
    expect(accept.statusCode).toBe(409);
    expect(codes(accept)).toEqual(['consent_renewal_required']);
    const approve = await t.request('POST', `/api/signups/${applied}/approve`, { cookie: coordinator });
    expect(approve.statusCode).toBe(409);
    expect(codes(approve)).toEqual(['consent_renewal_required']);

    // the offeree passes; the next in line has no current consent either: no offer is made to them
    await t.request('POST', `/api/signups/${waiting}/pass`, { cookie: offeree.cookie });
    await t.services.signups.jobs.drain();
    expect((await statusOf(queued)).status).toBe('waitlisted');
  });

  it('team signup skips (or refuses) a member without the consent', async () => {
    const squad = await t.db
      .insertInto('squads')
      .values({ center_id: centerId, name: 'Отряд «Согласие»', invite_code: 'CONSENT-1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lead = await buildUser(t.db, { role: 'volunteer' });
    await t.db
      .insertInto('role_assignments')
      .values({ user_id: lead.id, role: 'squad_leader', scope_type: 'squad', scope_id: squad.id } as never)
      .execute();
    const members = [await volunteer(), await volunteer({ consent: false })];
    for (const m of members) {
      await t.db
        .insertInto('squad_members')
        .values({
          squad_id: squad.id,
          user_id: m.id,
          status: 'active',
          joined_via: 'request',
          requested_at: new Date(),
        })
        .execute();
    }
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(10), capacity: 5 });
    const leader = await login(lead.email);
    const userIds = members.map((m) => m.id);
    const strict = await t.request('POST', `/api/shifts/${shift.id}/team-signups`, {
      cookie: leader,
      body: { squadId: squad.id, userIds, mode: 'all_or_nothing' },
    });
    expect(strict.statusCode).toBe(409);
    expect(codes(strict)).toEqual(['consent_required']);
    const loose = await t.request('POST', `/api/shifts/${shift.id}/team-signups`, {
      cookie: leader,
      body: { squadId: squad.id, userIds, mode: 'as_many_as_fit' },
    });
    expect(loose.statusCode).toBe(201);
    expect(loose.json().skipped).toEqual([{ userId: members[1]?.id, code: 'consent_required' }]);
  });

  it('a swap: the receiver without the consent is refused when they accept, not told at the offer', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(11), capacity: 1 });
    const [giver, peer] = [await volunteer(), await volunteer()];
    const mine = (await signUp(giver.cookie, shift.id)).json().signup.id as string;
    const offer = await t.request('POST', `/api/signups/${mine}/swaps`, {
      cookie: giver.cookie,
      body: { email: peer.email },
    });
    expect(offer.statusCode).toBe(201);
    await withdraw(peer.cookie);
    const accept = await t.request('POST', `/api/swaps/${offer.json().swap.id}/accept`, {
      cookie: peer.cookie,
    });
    expect(accept.statusCode).toBe(409);
    expect(codes(accept)).toEqual(['consent_required']);
    expect((await statusOf(mine)).status).toBe('confirmed');
    // the offerer is told nothing: offering again answers the same open offer
    const again = await t.request('POST', `/api/signups/${mine}/swaps`, {
      cookie: giver.cookie,
      body: { email: peer.email },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().swap).toMatchObject({ id: offer.json().swap.id, status: 'pending' });
  });
});

describe('withdrawing a consent cancels future places', () => {
  it('volunteering: future signups are cancelled by the system, the waitlist moves, the past stays', async () => {
    const v = await volunteer();
    const waiting = await volunteer();
    const future = await buildShift(t.db, { centerId, startsAt: NOV(27), capacity: 1 });
    const later = await buildShift(t.db, { centerId, startsAt: NOV(28), mode: 'approval' });
    const past = await buildShift(t.db, { centerId, startsAt: NOV(25) });
    const confirmed = (await signUp(v.cookie, future.id)).json().signup.id as string;
    const applied = (await signUp(v.cookie, later.id)).json().signup.id as string;
    const attended = (await signUp(v.cookie, past.id)).json().signup.id as string;
    const queued = (await signUp(waiting.cookie, future.id)).json().signup.id as string;
    // the past shift has happened and was attended by the time the consent is withdrawn
    t.clock.set(new Date(NOV(25).getTime() + 4 * 3_600_000));
    try {
      // sessions idle out while the clock jumps: sign in again
      const marked = await t.request('POST', `/api/signups/${attended}/attendance`, {
        cookie: await login(coordinatorEmail),
        body: { status: 'attended' },
      });
      expect(marked.statusCode).toBe(200);
      expect((await withdraw(await login(v.email))).statusCode).toBe(200);
      for (const id of [confirmed, applied]) {
        expect(await statusOf(id)).toEqual({
          status: 'cancelled',
          cancelled_by: 'system',
          reason: 'consent_withdrawn',
        });
      }
      expect((await statusOf(attended)).status).toBe('attended');
      await t.services.signups.jobs.drain();
      expect((await statusOf(queued)).status).toBe('offered');
      const mail = await t.mailbox(v.email);
      const notices = mail.filter((m) => m.template === 'signup_consent_withdrawn');
      expect(notices).toHaveLength(2);
      expect(notices[0]?.text_body).toContain('Вы отозвали согласие');
      const notes = await t.db
        .selectFrom('notifications')
        .select('kind')
        .where('user_id', '=', coordinatorId)
        .where('kind', '=', 'signup.volunteer_consent_withdrawn')
        .execute();
      expect(notes).toHaveLength(2);
    } finally {
      t.clock.set(new Date('2026-11-24T10:00:00Z'));
    }
  });

  it("a guardian's consent: the minor's shifts before the 18th birthday are cancelled, later ones stay", async () => {
    // turns 18 on 15 December 2026
    const minor = await volunteer({ birthDate: '2008-12-15' });
    await giveGuardianConsent(t.db, minor.id);
    const before = await buildShift(t.db, { centerId, startsAt: DEC(12) });
    const after = await buildShift(t.db, { centerId, startsAt: DEC(16) });
    const a = (await signUp(minor.cookie, before.id)).json().signup.id as string;
    const b = (await signUp(minor.cookie, after.id)).json().signup.id as string;
    expect((await withdraw(minor.cookie, 'guardian_consent')).statusCode).toBe(200);
    expect(await statusOf(a)).toMatchObject({ status: 'cancelled', reason: 'consent_withdrawn' });
    expect((await statusOf(b)).status).toBe('confirmed');
    const mail = (await t.mailbox(minor.email)).filter((m) => m.template === 'signup_consent_withdrawn');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text_body).toContain('Согласие родителя или законного представителя отозвано');
  });
});
