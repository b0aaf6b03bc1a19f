import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
let centerId: string;
let otherCenterId: string;
let coordinator: string;
let otherCoordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const newVolunteer = async (displayName = 'Волонтёр Тестовый') => {
  const user = await buildUser(t.db, { role: 'volunteer', displayName });
  return { user, cookie: await login(user.email) };
};

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  otherCenterId = (await buildCenter(t.db)).id;
  coordinator = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).email);
  otherCoordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: otherCenterId })).email,
  );
});
afterAll(async () => {
  await t.close();
});

async function createSquad(name: string, leaderUserId?: string) {
  const res = await t.request('POST', '/api/squads', {
    cookie: coordinator,
    body: {
      centerId,
      name,
      focus: 'Помощь семьям участников СВО',
      tags: ['МЫВМЕСТЕ', '#МЫВМЕСТЕ'],
      leaderUserId,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().squad;
}

describe('creating squads', () => {
  it('the centre coordinator creates a squad with a leader; others may not', async () => {
    const leader = await newVolunteer('Лидер Отряда');
    const squad = await createSquad('Отряд «Искра»', leader.user.id);
    expect(squad).toMatchObject({
      centerId,
      name: 'Отряд «Искра»',
      tags: ['#МЫВМЕСТЕ'],
      activeMembers: 1,
      leaders: [{ userId: leader.user.id, displayName: 'Лидер Отряда' }],
      canManage: true,
    });
    expect(squad.inviteCode).toMatch(/^[A-Z2-9]{8}$/);
    const grant = await t.db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', leader.user.id)
      .where('scope_id', '=', squad.id)
      .executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ role: 'squad_leader', scope_type: 'squad' });
    // The leader's session sees the role at once.
    const me = (await t.request('GET', '/api/me', { cookie: leader.cookie })).json();
    expect(me.user.roles).toContainEqual(
      expect.objectContaining({ role: 'squad_leader', scopeType: 'squad', scopeId: squad.id }),
    );

    const dup = await t.request('POST', '/api/squads', {
      cookie: coordinator,
      body: { centerId, name: 'Отряд «Искра»' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('squad_name_taken');
    for (const cookie of [otherCoordinator, leader.cookie]) {
      const res = await t.request('POST', '/api/squads', { cookie, body: { centerId, name: 'Чужой отряд' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.request('POST', '/api/squads', { body: { centerId, name: 'Аноним' } })).statusCode).toBe(
      401,
    );
  });
});

describe('membership', () => {
  it('join by request: the leader approves and removes; outsiders cannot manage', async () => {
    const leader = await newVolunteer('Лидер Второй');
    const squad = await createSquad('Отряд «Вектор»', leader.user.id);
    const member = await newVolunteer('Мария Кузнецова');
    const outsider = await newVolunteer();

    const asked = await t.request('POST', `/api/squads/${squad.id}/join`, { cookie: member.cookie });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().squad).toMatchObject({
      myStatus: 'requested',
      canManage: false,
      inviteCode: null,
      members: null,
    });

    const seen = (await t.request('GET', `/api/squads/${squad.id}`, { cookie: leader.cookie })).json().squad;
    expect(seen.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: member.user.id, status: 'requested' })]),
    );

    const url = `/api/squads/${squad.id}/members/${member.user.id}`;
    for (const cookie of [outsider.cookie, otherCoordinator, member.cookie]) {
      expect((await t.request('POST', url, { cookie, body: { action: 'approve' } })).statusCode).toBe(403);
    }
    const approved = await t.request('POST', url, { cookie: leader.cookie, body: { action: 'approve' } });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().squad.activeMembers).toBe(2);
    const again = await t.request('POST', url, { cookie: leader.cookie, body: { action: 'approve' } });
    expect(again.statusCode).toBe(409);

    const mine = (await t.request('GET', '/api/squads/mine', { cookie: member.cookie })).json();
    expect(mine.items.map((s: { id: string }) => s.id)).toEqual([squad.id]);
    expect(
      (await t.request('POST', `/api/squads/${squad.id}/join`, { cookie: member.cookie })).statusCode,
    ).toBe(409);

    // The centre's coordinator may remove as well.
    const removed = await t.request('POST', url, { cookie: coordinator, body: { action: 'remove' } });
    expect(removed.json().squad.activeMembers).toBe(1);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', squad.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'squad.created',
      'squad.join_requested',
      'squad.member_approved',
      'squad.member_removed',
    ]);
  });

  it('join by invitation code at once; a new code makes the old one useless', async () => {
    const squad = await createSquad('Отряд «Код»');
    const member = await newVolunteer();
    const joined = await t.request('POST', '/api/squads/join-by-code', {
      cookie: member.cookie,
      body: { code: ` ${squad.inviteCode.toLowerCase()} ` },
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().squad).toMatchObject({ id: squad.id, myStatus: 'active', activeMembers: 1 });

    const renewed = await t.request('PATCH', `/api/squads/${squad.id}`, {
      cookie: coordinator,
      body: { regenerateCode: true, tags: ['ЭКО'] },
    });
    expect(renewed.json().squad.inviteCode).not.toBe(squad.inviteCode);
    expect(renewed.json().squad.tags).toEqual(['#ЭКО']);
    const late = await newVolunteer();
    const refused = await t.request('POST', '/api/squads/join-by-code', {
      cookie: late.cookie,
      body: { code: squad.inviteCode },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'code', code: 'invalid_invite_code' });

    expect(
      (await t.request('POST', `/api/squads/${squad.id}/leave`, { cookie: member.cookie })).statusCode,
    ).toBe(204);
    const after = (await t.request('GET', `/api/squads/${squad.id}`, { cookie: member.cookie })).json().squad;
    expect(after).toMatchObject({ myStatus: 'removed', activeMembers: 0 });
  });

  it('only the centre coordinator names a leader; a removed leader loses the role', async () => {
    const squad = await createSquad('Отряд «Смена»');
    const member = await newVolunteer();
    await t.request('POST', '/api/squads/join-by-code', {
      cookie: member.cookie,
      body: { code: squad.inviteCode },
    });
    const url = `/api/squads/${squad.id}/leaders`;
    expect(
      (await t.request('POST', url, { cookie: member.cookie, body: { userId: member.user.id } })).statusCode,
    ).toBe(403);
    expect(
      (await t.request('POST', url, { cookie: otherCoordinator, body: { userId: member.user.id } }))
        .statusCode,
    ).toBe(403);
    const named = await t.request('POST', url, { cookie: coordinator, body: { userId: member.user.id } });
    expect(named.json().squad.leaders.map((l: { userId: string }) => l.userId)).toEqual([member.user.id]);
    // Now the member manages the squad.
    const edit = await t.request('PATCH', `/api/squads/${squad.id}`, {
      cookie: member.cookie,
      body: { focus: 'Экология' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().squad.focus).toBe('Экология');

    await t.request('POST', `/api/squads/${squad.id}/members/${member.user.id}`, {
      cookie: coordinator,
      body: { action: 'remove' },
    });
    const denied = await t.request('PATCH', `/api/squads/${squad.id}`, {
      cookie: member.cookie,
      body: { focus: 'x' },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('lists a centre’s squads for signed-in users, hides codes and members from non-managers', async () => {
    const v = await newVolunteer();
    const res = await t.request('GET', `/api/centers/${centerId}/squads`, { cookie: v.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThanOrEqual(3);
    expect(
      res
        .json()
        .items.every(
          (s: { inviteCode: unknown; members: unknown }) => s.inviteCode === null && s.members === null,
        ),
    ).toBe(true);
    expect((await t.request('GET', `/api/centers/${centerId}/squads`)).statusCode).toBe(401);
    expect(
      (await t.request('GET', '/api/squads/00000000-0000-4000-8000-000000000000', { cookie: v.cookie }))
        .statusCode,
    ).toBe(404);
  });
});
