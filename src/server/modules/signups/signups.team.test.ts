import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../../test/support/signups.fixtures.js';

let t: TestPlatform;
let centerId: string;
let squadId: string;
let leader: string;
let memberIds: string[];
const DEC = (day: number, hourUtc = 2) => new Date(Date.UTC(2026, 11, day, hourUtc));
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const team = (shiftId: string, body: object, cookie = leader) =>
  t.request('POST', `/api/shifts/${shiftId}/team-signups`, { cookie, body });

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  const squad = await t.db
    .insertInto('squads')
    .values({ center_id: centerId, name: 'Отряд «Искра»', invite_code: 'ISKRA-TEST' })
    .returning('id')
    .executeTakeFirstOrThrow();
  squadId = squad.id;
  const lead = await buildUser(t.db, { role: 'volunteer' });
  await t.db
    .insertInto('role_assignments')
    .values({ user_id: lead.id, role: 'squad_leader', scope_type: 'squad', scope_id: squadId } as never)
    .execute();
  leader = await login(lead.email);
  memberIds = [];
  for (let i = 0; i < 4; i++) {
    const m = await buildUser(t.db, { role: 'volunteer' });
    await setProfile(t.db, m.id, { birthDate: i === 3 ? '2011-01-01' : '1995-01-01' }); // the last is a minor without consent
    await t.db
      .insertInto('squad_members')
      .values({
        squad_id: squadId,
        user_id: m.id,
        status: 'active',
        joined_via: 'leader',
        requested_at: new Date(),
      })
      .execute();
    memberIds.push(m.id);
  }
});
afterAll(async () => {
  await t.close();
});

describe('team signup', () => {
  it('all-or-nothing signs up no one when places are short or a member does not qualify', async () => {
    const small = await buildShift(t.db, { centerId, startsAt: DEC(1), capacity: 2 });
    const short = await team(small.id, { squadId, userIds: memberIds.slice(0, 3), mode: 'all_or_nothing' });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({ code: 'shift_full', errors: [{ code: 'not_enough_places' }] });
    const big = await buildShift(t.db, { centerId, startsAt: DEC(2), capacity: 10 });
    const minor = await team(big.id, { squadId, userIds: memberIds, mode: 'all_or_nothing' });
    expect(minor.json().code).toBe('not_eligible');
    const count = await t.db
      .selectFrom('signups')
      .select('id')
      .where('shift_id', 'in', [small.id, big.id])
      .execute();
    expect(count).toEqual([]);
    const ok = await team(big.id, { squadId, userIds: memberIds.slice(0, 3), mode: 'all_or_nothing' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().created.map((s: { status: string }) => s.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
  });

  it('as-many-as-fit signs up those who fit and reports the rest', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(3), capacity: 2 });
    const res = await team(shift.id, {
      squadId,
      userIds: [memberIds[3], ...memberIds.slice(0, 3)],
      mode: 'as_many_as_fit',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.created).toHaveLength(2);
    // each created signup is named with its volunteer, in the order the places were taken
    expect(body.placed.map((p: { userId: string }) => p.userId)).toEqual([memberIds[0], memberIds[1]]);
    expect(body.placed.map((p: { signupId: string }) => p.signupId)).toEqual(
      body.created.map((c: { id: string }) => c.id),
    );
    expect(body.skipped).toEqual([
      { userId: memberIds[3], code: 'guardian_consent_required' },
      { userId: memberIds[2], code: 'shift_full' },
    ]);
    const rows = await t.db
      .selectFrom('signups')
      .select('team_signup_id')
      .where('shift_id', '=', shift.id)
      .execute();
    expect(new Set(rows.map((r) => r.team_signup_id))).toEqual(new Set([body.teamSignupId]));
  });

  it('only the squad leader, only for active members', async () => {
    const shift = await buildShift(t.db, { centerId, startsAt: DEC(4), capacity: 5 });
    const member = await login(
      (
        await t.db
          .selectFrom('users')
          .select('email')
          .where('id', '=', memberIds[0] as string)
          .executeTakeFirstOrThrow()
      ).email,
    );
    expect(
      (await team(shift.id, { squadId, userIds: memberIds.slice(0, 1), mode: 'as_many_as_fit' }, member))
        .statusCode,
    ).toBe(403);
    const outsider = await buildUser(t.db, { role: 'volunteer' });
    const res = await team(shift.id, { squadId, userIds: [outsider.id], mode: 'as_many_as_fit' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'userIds/0', code: 'not_squad_member' });
  });
});
