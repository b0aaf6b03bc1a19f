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

/** A squad whose named leader has accepted the invitation. */
async function createLedSquad(name: string, leader: { user: { id: string }; cookie: string }) {
  const squad = await createSquad(name, leader.user.id);
  const accepted = await t.request('POST', `/api/squads/${squad.id}/leadership/accept`, {
    cookie: leader.cookie,
  });
  expect(accepted.statusCode).toBe(200);
  return accepted.json().squad;
}

describe('creating squads', () => {
  it('the centre coordinator creates a squad and invites a leader, who leads only after accepting; others may not create', async () => {
    const leader = await newVolunteer('Лидер Отряда');
    const squad = await createSquad('Отряд «Искра»', leader.user.id);
    expect(squad).toMatchObject({
      centerId,
      name: 'Отряд «Искра»',
      tags: ['#МЫВМЕСТЕ'],
      activeMembers: 0,
      leaders: [],
      leaderInvitations: [{ userId: leader.user.id, displayName: null }],
      canManage: true,
    });
    expect(squad.inviteCode).toMatch(/^[A-Z2-9]{8}$/);
    const grants = () =>
      t.db
        .selectFrom('role_assignments')
        .selectAll()
        .where('user_id', '=', leader.user.id)
        .where('scope_id', '=', squad.id)
        .execute();
    expect(await grants()).toEqual([]);
    // the invitee sees the invitation among their squads, and nothing else changed for them
    const mine = (await t.request('GET', '/api/squads/mine', { cookie: leader.cookie })).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ id: squad.id, myStatus: null, myLeaderInvitation: true }),
    ]);

    const accepted = await t.request('POST', `/api/squads/${squad.id}/leadership/accept`, {
      cookie: leader.cookie,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().squad).toMatchObject({
      activeMembers: 1,
      myStatus: 'active',
      myLeaderInvitation: false,
      leaders: [{ userId: leader.user.id, displayName: 'Лидер Отряда' }],
      canManage: true,
      leaderInvitations: [],
    });
    expect(await grants()).toEqual([expect.objectContaining({ role: 'squad_leader', scope_type: 'squad' })]);
    // The leader's session sees the role at once.
    const me = (await t.request('GET', '/api/me', { cookie: leader.cookie })).json();
    expect(me.user.roles).toContainEqual(
      expect.objectContaining({ role: 'squad_leader', scopeType: 'squad', scopeId: squad.id }),
    );
    // the invitation is used up
    expect(
      (await t.request('POST', `/api/squads/${squad.id}/leadership/accept`, { cookie: leader.cookie }))
        .statusCode,
    ).toBe(404);

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
    const squad = await createLedSquad('Отряд «Вектор»', leader);
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
      'squad.leader_accepted',
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

  it('only the centre coordinator invites a leader, only an active member; the member decides; a removed leader loses the role', async () => {
    const squad = await createSquad('Отряд «Смена»');
    const member = await newVolunteer('Участник Смены');
    const stranger = await newVolunteer();
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
    const notMember = await t.request('POST', url, {
      cookie: coordinator,
      body: { userId: stranger.user.id },
    });
    expect(notMember.statusCode).toBe(409);
    expect(notMember.json()).toMatchObject({
      code: 'squad_leader_not_member',
      errors: [{ field: 'userId' }],
    });

    // an invitation declined changes nothing
    const invited = await t.request('POST', url, { cookie: coordinator, body: { userId: member.user.id } });
    expect(invited.statusCode).toBe(200);
    expect(invited.json().squad.leaders).toEqual([]);
    expect(invited.json().squad.leaderInvitations).toEqual([
      expect.objectContaining({ userId: member.user.id, displayName: 'Участник Смены' }),
    ]);
    expect(invited.json().squad.members).toEqual([
      expect.objectContaining({ userId: member.user.id, invitedToLead: true, isLeader: false }),
    ]);
    const declined = await t.request('POST', `/api/squads/${squad.id}/leadership/decline`, {
      cookie: member.cookie,
    });
    expect(declined.json().squad).toMatchObject({
      leaders: [],
      myLeaderInvitation: false,
      myStatus: 'active',
    });
    // the coordinator may also take an invitation back
    await t.request('POST', url, { cookie: coordinator, body: { userId: member.user.id } });
    const withdrawn = await t.request(
      'DELETE',
      `/api/squads/${squad.id}/leader-invitations/${member.user.id}`,
      {
        cookie: coordinator,
      },
    );
    expect(withdrawn.json().squad.leaderInvitations).toEqual([]);
    expect(
      (await t.request('POST', `/api/squads/${squad.id}/leadership/accept`, { cookie: member.cookie }))
        .statusCode,
    ).toBe(404);

    await t.request('POST', url, { cookie: coordinator, body: { userId: member.user.id } });
    const accepted = await t.request('POST', `/api/squads/${squad.id}/leadership/accept`, {
      cookie: member.cookie,
    });
    expect(accepted.json().squad.leaders.map((l: { userId: string }) => l.userId)).toEqual([member.user.id]);
    const again = await t.request('POST', url, { cookie: coordinator, body: { userId: member.user.id } });
    expect(again.json().code).toBe('squad_leader_already');
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
