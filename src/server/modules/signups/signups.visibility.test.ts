/**
 * A shift of an opportunity someone cannot see does not exist for them (issue 9, item 19): signing up
 * for a shift of a draft, cancelled or completed opportunity, or of a centre that is not active, answers
 * 404 like the opportunity itself, on every path that takes a shift id; the centre's staff and the
 * operator, who see the opportunity, get 409 `shift_unavailable`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildCenter,
  buildMunicipality,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
let regionId: string;
let municipalityId: string;
const people = {} as Record<'volunteer' | 'coordinator' | 'otherCoordinator' | 'operator' | 'leader', string>;
let squadId: string;
let memberId: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
// Test clock: 2026-11-24T10:00Z.
const DEC = (day: number) => new Date(Date.UTC(2026, 11, day, 2));

const signUp = (shiftId: string, cookie: string) =>
  t.request('POST', `/api/shifts/${shiftId}/signups`, { cookie, body: {} });
const teamSignUp = (shiftId: string, cookie: string) =>
  t.request('POST', `/api/shifts/${shiftId}/team-signups`, {
    cookie,
    body: { squadId, userIds: [memberId], mode: 'as_many_as_fit' },
  });
const answer = (res: { statusCode: number; json(): { code: string; detail?: string } }) => ({
  status: res.statusCode,
  code: res.json().code,
  detail: res.json().detail,
});

async function shiftOf(opts: { status?: string; centerId?: string; shiftStatus?: string }, day: number) {
  const shift = await buildShift(t.db, { centerId: opts.centerId ?? centerId, startsAt: DEC(day) });
  if (opts.status)
    await t.db
      .updateTable('opportunities')
      .set({ status: opts.status as never })
      .where('id', '=', shift.opportunityId)
      .execute();
  if (opts.shiftStatus)
    await t.db
      .updateTable('shifts')
      .set({ status: opts.shiftStatus as never })
      .where('id', '=', shift.id)
      .execute();
  return shift.id;
}

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  municipalityId = (await buildMunicipality(t.db, { regionId })).id;
  centerId = (await buildCenter(t.db, { municipalityId })).id;
  // every account may volunteer, so the only refusal left is the shift's own
  const account = async (over: Parameters<typeof buildUser>[1]) => {
    const user = await buildUser(t.db, over);
    await setProfile(t.db, user.id, { birthDate: '1990-01-01' });
    return user;
  };
  const other = await buildCenter(t.db, { municipalityId });
  people.volunteer = await login((await account({ role: 'volunteer' })).email);
  people.coordinator = await login((await account({ role: 'center_coordinator', scopeId: centerId })).email);
  people.otherCoordinator = await login(
    (await account({ role: 'center_coordinator', scopeId: other.id })).email,
  );
  people.operator = await login((await account({ role: 'regional_admin', scopeId: regionId })).email);
  const squad = await t.db
    .insertInto('squads')
    .values({ center_id: centerId, name: 'Отряд «Заря»', invite_code: 'ZARYA-TEST' })
    .returning('id')
    .executeTakeFirstOrThrow();
  squadId = squad.id;
  const lead = await account({ role: 'volunteer' });
  await t.db
    .insertInto('role_assignments')
    .values({ user_id: lead.id, role: 'squad_leader', scope_type: 'squad', scope_id: squadId } as never)
    .execute();
  people.leader = await login(lead.email);
  const member = await account({ role: 'volunteer' });
  memberId = member.id;
  await t.db
    .insertInto('squad_members')
    .values({
      squad_id: squadId,
      user_id: memberId,
      status: 'active',
      joined_via: 'leader',
      requested_at: new Date(),
    })
    .execute();
});
afterAll(async () => {
  await t.close();
});

describe('signing up for a shift one cannot see', () => {
  it('a draft, cancelled or completed opportunity: 404 like a missing shift to outsiders, 409 to its staff', async () => {
    const missing = answer(await signUp('00000000-0000-4000-8000-000000000000', people.volunteer));
    expect(missing.status).toBe(404);
    let day = 1;
    for (const status of ['draft', 'cancelled', 'completed']) {
      const hidden = await shiftOf({ status }, day++);
      // the opportunity itself is not found for them…
      const { opportunity_id } = await t.db
        .selectFrom('shifts')
        .select('opportunity_id')
        .where('id', '=', hidden)
        .executeTakeFirstOrThrow();
      const page = await t.request('GET', `/api/public/opportunities/${opportunity_id}`, {
        cookie: people.volunteer,
      });
      expect(page.statusCode).toBe(404);
      // …and neither is its shift, exactly as one that does not exist
      expect(answer(await signUp(hidden, people.volunteer))).toEqual(missing);
      expect(answer(await signUp(hidden, people.otherCoordinator))).toEqual(missing);
      expect(answer(await teamSignUp(hidden, people.leader))).toEqual(missing);
      // those who see the opportunity are told why they cannot sign up
      for (const who of [people.coordinator, people.operator]) {
        const res = await signUp(hidden, who);
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('shift_unavailable');
      }
    }
  });

  it('a published opportunity of a centre that is not active is hidden the same way', async () => {
    const missing = answer(await signUp('00000000-0000-4000-8000-000000000000', people.volunteer));
    const suspended = await buildCenter(t.db, { municipalityId, status: 'suspended' });
    const hidden = await shiftOf({ centerId: suspended.id }, 10);
    expect(answer(await signUp(hidden, people.volunteer))).toEqual(missing);
    const res = await signUp(hidden, people.operator);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('shift_unavailable');
  });

  it('a cancelled shift of a published opportunity is visible: 409 to everyone', async () => {
    const cancelled = await shiftOf({ shiftStatus: 'cancelled' }, 12);
    for (const res of [
      await signUp(cancelled, people.volunteer),
      await teamSignUp(cancelled, people.leader),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('shift_unavailable');
    }
    // and a published one takes the signup
    const open = await shiftOf({}, 13);
    expect((await signUp(open, people.volunteer)).statusCode).toBe(201);
    expect((await teamSignUp(open, people.leader)).statusCode).toBe(201);
  });
});
