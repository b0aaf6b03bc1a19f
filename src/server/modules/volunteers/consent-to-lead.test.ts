/**
 * Issue 9, item 8: a coordinator of another centre must not reach a minor's full card and photo by
 * naming the minor leader of a squad of their own centre. Naming someone only invites them; nobody is
 * put into a squad or given a role without their own act; a coordinator's access to a person follows
 * only relationships the person entered (their home centre, squads they joined themselves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF, createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { JPEG } from '../../../../test/support/applications.fixtures.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
let centerA: string;
let centerB: string;
let coordinatorA: string;
let coordinatorB: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  centerA = (await buildCenter(t.db)).id;
  centerB = (await buildCenter(t.db)).id;
  coordinatorA = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: centerA })).email);
  coordinatorB = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: centerB })).email);
});
afterAll(async () => {
  await t.close();
});

/** A 15-year-old of centre A (her own choice of home centre) with a full profile and a photo. */
async function minorOfCenterA() {
  const user = await buildUser(t.db, { role: 'volunteer', displayName: 'Соня Несовершеннолетняя' });
  const cookie = await login(user.email);
  const saved = await t.request('PUT', '/api/volunteers/me', {
    cookie,
    body: {
      fullName: 'Софья Андреевна Малова',
      birthDate: '2011-03-14',
      profession: null,
      skills: [],
      skillTags: [],
      languages: ['ru'],
      municipalityId: null,
      homePoint: null,
      availability: [],
      interests: [],
      about: 'Люблю животных',
      homeCenterId: centerA,
      visibleFields: ['age_group'],
    },
  });
  expect(saved.statusCode).toBe(200);
  const photo = await t.app.inject({
    method: 'PUT',
    url: '/api/volunteers/me/photo',
    headers: { ...CSRF, 'content-type': 'image/jpeg', cookie },
    payload: JPEG,
  });
  expect(photo.statusCode).toBe(200);
  return { id: user.id, cookie };
}

const card = (userId: string, cookie: string) => t.request('GET', `/api/volunteers/${userId}`, { cookie });
const photo = (userId: string, cookie: string) =>
  t.request('GET', `/api/volunteers/${userId}/photo`, { cookie });

async function holdingsOf(userId: string) {
  const [members, roles] = await Promise.all([
    t.db.selectFrom('squad_members').select(['squad_id', 'status']).where('user_id', '=', userId).execute(),
    t.db
      .selectFrom('role_assignments')
      .select(['role', 'scope_id'])
      .where('user_id', '=', userId)
      .where('role', '!=', 'volunteer')
      .execute(),
  ]);
  return { members, roles };
}

describe('naming a minor of another centre as a squad leader', () => {
  it('gives the other centre neither the card nor the photo; the minor is no member and holds no role', async () => {
    const minor = await minorOfCenterA();
    // her own centre sees the working card and the photo
    expect((await card(minor.id, coordinatorA)).json().profile).toMatchObject({
      access: 'own_center',
      fullName: 'Софья Андреевна Малова',
    });
    expect((await photo(minor.id, coordinatorA)).statusCode).toBe(200);
    // before: centre B sees only what she chose to show
    expect((await card(minor.id, coordinatorB)).json().profile).toMatchObject({
      access: 'other_center',
      fullName: null,
      about: null,
    });

    // 1. a squad of centre B created with her as the leader
    const created = await t.request('POST', '/api/squads', {
      cookie: coordinatorB,
      body: { centerId: centerB, name: 'Отряд с чужим лидером', leaderUserId: minor.id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().squad).toMatchObject({ leaders: [], activeMembers: 0 });
    // her name is not revealed to the coordinator who typed her id
    expect(created.json().squad.leaderInvitations).toEqual([
      expect.objectContaining({ userId: minor.id, displayName: null }),
    ]);
    const squadId = created.json().squad.id as string;

    // 2. naming her leader of an existing squad of centre B
    const other = await t.request('POST', '/api/squads', {
      cookie: coordinatorB,
      body: { centerId: centerB, name: 'Ещё один отряд Б' },
    });
    const named = await t.request('POST', `/api/squads/${other.json().squad.id}/leaders`, {
      cookie: coordinatorB,
      body: { userId: minor.id },
    });
    expect(named.statusCode).toBe(409);
    expect(named.json().code).toBe('squad_leader_not_member');

    // the result: nothing changed for her, and centre B still sees no more than she chose to show
    expect(await holdingsOf(minor.id)).toEqual({ members: [], roles: [] });
    const seen = (await card(minor.id, coordinatorB)).json().profile;
    expect(seen.access).toBe('other_center');
    expect(seen).toMatchObject({ fullName: null, about: null, photoUrl: null, languages: null });
    expect((await photo(minor.id, coordinatorB)).statusCode).toBe(404);
    const me = (await t.request('GET', '/api/me', { cookie: minor.cookie })).json().user;
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['volunteer']);

    // she sees the invitation and may decline it; declining changes nothing either
    const mine = (await t.request('GET', '/api/squads/mine', { cookie: minor.cookie })).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ id: squadId, myLeaderInvitation: true, myStatus: null }),
    ]);
    const declined = await t.request('POST', `/api/squads/${squadId}/leadership/decline`, {
      cookie: minor.cookie,
    });
    expect(declined.statusCode).toBe(200);
    expect(await holdingsOf(minor.id)).toEqual({ members: [], roles: [] });
    expect((await photo(minor.id, coordinatorB)).statusCode).toBe(404);
  });

  it('a membership someone wrote for her (the old `leader` rows) opens nothing; her own joining does', async () => {
    const minor = await minorOfCenterA();
    const squad = (
      await t.request('POST', '/api/squads', {
        cookie: coordinatorB,
        body: { centerId: centerB, name: 'Старый способ' },
      })
    ).json().squad;
    // what the old code wrote when a coordinator named a leader
    await t.db
      .insertInto('squad_members')
      .values({
        squad_id: squad.id,
        user_id: minor.id,
        status: 'active',
        joined_via: 'leader',
        requested_at: new Date(),
        decided_at: new Date(),
        decided_by: null,
      })
      .execute();
    expect((await card(minor.id, coordinatorB)).json().profile.access).toBe('other_center');
    expect((await photo(minor.id, coordinatorB)).statusCode).toBe(404);

    // when she joins a squad of centre B herself, that centre may see her working card
    await t.db.deleteFrom('squad_members').where('user_id', '=', minor.id).execute();
    const joined = await t.request('POST', '/api/squads/join-by-code', {
      cookie: minor.cookie,
      body: { code: squad.inviteCode },
    });
    expect(joined.statusCode).toBe(200);
    expect((await card(minor.id, coordinatorB)).json().profile.access).toBe('own_center');
    expect((await photo(minor.id, coordinatorB)).statusCode).toBe(200);
  });
});
