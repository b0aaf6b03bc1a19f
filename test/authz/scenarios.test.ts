/**
 * Multi-step authorization scenarios: access to a person follows a relationship they entered themselves,
 * nobody is added to anything without their consent, and access ends the moment the relationship does.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Person, PNG, type World } from './world.js';

let w: World;

beforeAll(async () => {
  w = await buildWorld();
}, 180_000);
afterAll(async () => {
  await w?.t.close();
});

const get = (who: { cookie: string }, url: string) => w.t.request('GET', url, { cookie: who.cookie });
const post = (who: { cookie: string }, url: string, body?: unknown) =>
  w.t.request('POST', url, { cookie: who.cookie, body });

/** What a viewer gets of a person: the card's access ('own_center', 'other_center' or the status) and the photo's status. */
async function reach(viewer: { cookie: string }, userId: string) {
  const card = await get(viewer, `/api/volunteers/${userId}`);
  const photo = await get(viewer, `/api/volunteers/${userId}/photo`);
  return {
    card: card.statusCode === 200 ? (card.json().profile.access as string) : card.statusCode,
    photo: photo.statusCode,
  };
}

/** The squads of `centerId` in which `userId` is an active member, and those they lead. */
async function tiesTo(userId: string, centerId: string) {
  const { rows: active } = await sql<{ squad_id: string }>`select m.squad_id from squad_members m
    join squads s on s.id = m.squad_id
    where m.user_id = ${userId} and s.center_id = ${centerId} and m.status = 'active'`.execute(w.t.db);
  const { rows: leads } = await sql<{ scope_id: string }>`select r.scope_id from role_assignments r
    join squads s on s.id = r.scope_id
    where r.user_id = ${userId} and r.role = 'squad_leader' and s.center_id = ${centerId}`.execute(w.t.db);
  return { activeIn: active.map((r) => r.squad_id), leads: leads.map((r) => r.scope_id) };
}

async function withPhoto(p: Person) {
  const res = await w.t.request('PUT', '/api/volunteers/me/photo', {
    cookie: p.cookie,
    body: PNG,
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(res.statusCode).toBe(200);
  return p;
}

describe('item 8: naming a minor of another centre a squad leader gives no access to them', () => {
  it('POST /api/squads with leaderUserId: the minor gains no role, no membership; no full card, no photo', async () => {
    const { A, B } = w;
    const minor = await w.fresh.minor(A);
    expect(await reach(B.coordinator, minor.id)).toEqual({ card: 'other_center', photo: 404 });
    const res = await post(B.coordinator, '/api/squads', {
      centerId: B.center.id,
      name: 'Отряд для чужого подростка',
      leaderUserId: minor.id,
    });
    expect(res.statusCode).toBeLessThan(500);
    expect(await tiesTo(minor.id, B.center.id)).toEqual({ activeIn: [], leads: [] });
    expect(await reach(B.coordinator, minor.id)).toEqual({ card: 'other_center', photo: 404 });
  });

  it('POST /api/squads/:id/leaders: the same through naming a leader of an existing squad', async () => {
    const { A, B } = w;
    const minor = await w.fresh.minor(A);
    expect(await reach(B.coordinator, minor.id)).toEqual({ card: 'other_center', photo: 404 });
    const squad = await w.fresh.squad(B, { leaders: [B.leader.id] });
    const res = await post(B.coordinator, `/api/squads/${squad.id}/leaders`, { userId: minor.id });
    expect(res.statusCode).toBeLessThan(500);
    expect(await tiesTo(minor.id, B.center.id)).toEqual({ activeIn: [], leads: [] });
    expect(await reach(B.coordinator, minor.id)).toEqual({ card: 'other_center', photo: 404 });
  });
});

describe('nobody is added to anything without their consent', () => {
  it('an invitation to lead a squad gives nothing until the member accepts; declining leaves nothing', async () => {
    const { A } = w;
    const member = await w.fresh.person();
    const other = await w.fresh.person();
    const squad = await w.fresh.squad(A, { members: [member.id, other.id] });
    const edit = (who: Person) =>
      w.t.request('PATCH', `/api/squads/${squad.id}`, { cookie: who.cookie, body: { focus: 'Субботники' } });
    for (const invitee of [member, other]) {
      const res = await post(A.coordinator, `/api/squads/${squad.id}/leaders`, { userId: invitee.id });
      expect(res.statusCode).toBeLessThan(300);
      expect((await tiesTo(invitee.id, A.center.id)).leads).toEqual([]);
      expect((await edit(invitee)).statusCode).toBe(403);
    }
    expect((await post(other, `/api/squads/${squad.id}/leadership/decline`)).statusCode).toBe(200);
    expect((await tiesTo(other.id, A.center.id)).leads).toEqual([]);
    expect((await post(other, `/api/squads/${squad.id}/leadership/accept`)).statusCode).toBe(404);
    expect((await post(member, `/api/squads/${squad.id}/leadership/accept`)).statusCode).toBe(200);
    expect((await tiesTo(member.id, A.center.id)).leads).toEqual([squad.id]);
    expect((await edit(member)).statusCode).toBe(200);
  });

  it('a person named representative by e-mail gets nothing of the organization until they accept', async () => {
    const { A } = w;
    const named = await w.fresh.person();
    const res = await post(A.rep, `/api/organizations/${A.orgId}/representatives`, { email: named.email });
    expect(res.statusCode).toBe(200);
    const represents = async () => {
      const { rows } = await sql`select 1 from role_assignments
        where user_id = ${named.id} and role = 'org_representative'`.execute(w.t.db);
      return rows.length > 0;
    };
    expect(await represents()).toBe(false);
    expect((await get(named, `/api/organizations/${A.orgId}`)).statusCode).toBe(404);
    expect((await get(named, `/api/applications/${A.applicationId}`)).statusCode).toBe(404);
    const list = await get(named, '/api/organizations');
    expect(list.json().items.map((o: { id: string }) => o.id)).not.toContain(A.orgId);
    const apply = await post(named, '/api/applications', {
      organizationId: A.orgId,
      municipalityId: A.municipality.id,
    });
    expect(apply.statusCode).toBe(403);

    // Only the addressee can take it up: then, and only then, they represent the organization.
    const invitations = (await get(named, '/api/me/organization-invitations')).json().items;
    expect(invitations).toHaveLength(1);
    const accept = `/api/me/organization-invitations/${invitations[0].id}/accept`;
    for (const who of [A.volunteer, w.B.rep, w.operator])
      expect((await post(who, accept)).statusCode).toBe(404);
    expect(await represents()).toBe(false);
    expect((await post(named, accept)).statusCode).toBe(200);
    expect(await represents()).toBe(true);
    expect((await get(named, `/api/organizations/${A.orgId}`)).statusCode).toBe(200);
  });

  it('a coordinator puts nobody on a shift by e-mail: an invitation holds no place until accepted', async () => {
    const { A } = w;
    const volunteer = await w.fresh.person();
    const shift = await w.fresh.shift(A);
    const places = async () => {
      const { rows } = await sql<{ status: string }>`select status from signups
        where shift_id = ${shift.id} and user_id = ${volunteer.id}`.execute(w.t.db);
      return rows.map((r) => r.status);
    };
    const invited = await post(A.coordinator, `/api/shifts/${shift.id}/invitations`, {
      email: volunteer.email,
    });
    expect(invited.statusCode).toBe(202);
    const invitationId = invited.json().invitation.id as string;
    expect(await places()).toEqual([]);
    // Neither the coordinator nor anybody else accepts for the addressee.
    for (const who of [A.coordinator, w.operator, A.volunteer]) {
      expect((await post(who, `/api/invitations/${invitationId}/accept`)).statusCode).toBe(404);
    }
    expect(await places()).toEqual([]);
    expect((await post(volunteer, `/api/invitations/${invitationId}/accept`)).statusCode).toBe(200);
    expect(await places()).toEqual(['confirmed']);
  });

  it('directly, a coordinator places only someone who joined the centre by their own act', async () => {
    const { A } = w;
    const volunteer = await w.fresh.person();
    const assign = async () =>
      post(A.coordinator, `/api/shifts/${(await w.fresh.shift(A)).id}/assign`, { userId: volunteer.id });
    const refused = await assign();
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    const { rows } = await sql`select 1 from signups where user_id = ${volunteer.id}`.execute(w.t.db);
    expect(rows).toEqual([]);
    // The volunteer joins a squad of the centre with its code: from now on they are the centre's.
    const squad = await w.fresh.squad(A);
    expect((await post(volunteer, '/api/squads/join-by-code', { code: squad.code })).statusCode).toBe(200);
    expect((await assign()).statusCode).toBe(201);
  });

  it('a swap hands the place over only when the peer accepts; nobody else can accept for them', async () => {
    const { A } = w;
    const giver = await w.fresh.person();
    const peer = await w.fresh.person();
    const stranger = await w.fresh.person();
    const signup = await w.fresh.signup(A, giver.id);
    const statusOf = async (userId: string) => {
      const { rows } = await sql<{ status: string }>`select status from signups
        where shift_id = ${signup.shiftId} and user_id = ${userId}`.execute(w.t.db);
      return rows.map((r) => r.status);
    };
    const offer = async () => {
      const res = await post(giver, `/api/signups/${signup.id}/swaps`, { email: peer.email });
      expect(res.statusCode).toBe(201);
      return res.json().swap.id as string;
    };

    const first = await offer();
    expect(await statusOf(peer.id)).toEqual([]);
    expect(await statusOf(giver.id)).toEqual(['confirmed']);
    for (const who of [stranger, A.coordinator, w.operator, giver]) {
      expect((await post(who, `/api/swaps/${first}/accept`)).statusCode).toBe(404);
    }
    expect((await post(stranger, `/api/swaps/${first}/decline`)).statusCode).toBe(404);
    expect((await post(peer, `/api/swaps/${first}/decline`)).statusCode).toBe(200);
    expect(await statusOf(peer.id)).toEqual([]);
    expect(await statusOf(giver.id)).toEqual(['confirmed']);

    // The decline looks pending to the giver (offering again answers the same offer); they withdraw it
    // and offer again. With the peer's acceptance the place moves.
    expect(await offer()).toBe(first);
    expect((await post(giver, `/api/swaps/${first}/decline`)).statusCode).toBe(200);
    const second = await offer();
    expect(second).not.toBe(first);
    expect((await post(peer, `/api/swaps/${second}/accept`)).statusCode).toBe(200);
    expect(await statusOf(peer.id)).toEqual(['confirmed']);
    expect(await statusOf(giver.id)).toEqual(['cancelled']);
  });
});

describe('access ends the moment the relationship does', () => {
  it('a coordinator whose role is revoked loses access at once, in the session they already have', async () => {
    const { A } = w;
    const coordinator = await w.fresh.twin(A.coordinator.id);
    expect((await get(coordinator, `/api/centers/${A.center.id}/work-log`)).statusCode).toBe(200);
    expect((await get(coordinator, `/api/shifts/${A.shiftId}/roster`)).statusCode).toBe(200);
    expect(await reach(coordinator, A.volunteer.id)).toEqual({ card: 'own_center', photo: 200 });

    await sql`delete from role_assignments where user_id = ${coordinator.id}
      and role = 'center_coordinator'`.execute(w.t.db);
    expect((await get(coordinator, `/api/centers/${A.center.id}/work-log`)).statusCode).toBe(403);
    expect((await get(coordinator, `/api/shifts/${A.shiftId}/roster`)).statusCode).toBe(404);
    expect(await reach(coordinator, A.volunteer.id)).toEqual({ card: 404, photo: 404 });
    const me = await get(coordinator, '/api/me');
    expect(me.json().user.roles.map((r: { role: string }) => r.role)).not.toContain('center_coordinator');
  });

  it('a blocked account is signed out at once', async () => {
    const coordinator = await w.fresh.twin(w.A.coordinator.id);
    expect((await get(coordinator, '/api/me')).statusCode).toBe(200);
    await sql`update users set status = 'blocked' where id = ${coordinator.id}`.execute(w.t.db);
    expect((await get(coordinator, '/api/me')).statusCode).toBe(401);
    expect((await get(coordinator, `/api/centers/${w.A.center.id}/work-log`)).statusCode).toBe(401);
  });

  it("a volunteer who leaves a squad leaves its centre's and its leader's view", async () => {
    const { B } = w;
    const member = await withPhoto(await w.fresh.person());
    const squad = await w.fresh.squad(B, { leaders: [B.leader.id], members: [member.id] });
    const team = async () =>
      post(B.leader, `/api/shifts/${(await w.fresh.shift(B)).id}/team-signups`, {
        squadId: squad.id,
        userIds: [member.id],
        mode: 'all_or_nothing',
      });
    const activeMembers = async () =>
      (await get(B.leader, `/api/squads/${squad.id}`))
        .json()
        .squad.members.filter((m: { status: string }) => m.status === 'active')
        .map((m: { userId: string }) => m.userId);

    expect(await reach(B.coordinator, member.id)).toEqual({ card: 'own_center', photo: 200 });
    expect(await activeMembers()).toContain(member.id);
    expect((await team()).statusCode).toBe(201);

    expect((await post(member, `/api/squads/${squad.id}/leave`)).statusCode).toBe(204);
    expect(await reach(B.coordinator, member.id)).toEqual({ card: 'other_center', photo: 404 });
    expect(await activeMembers()).not.toContain(member.id);
    const refused = await team();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('not_squad_members');
  });

  it('a leader who leaves the squad stops managing it at once', async () => {
    const { B } = w;
    const leader = await w.fresh.person();
    const squad = await w.fresh.squad(B, { leaders: [leader.id] });
    const edit = () =>
      w.t.request('PATCH', `/api/squads/${squad.id}`, {
        cookie: leader.cookie,
        body: { focus: 'Помощь приюту' },
      });
    expect((await edit()).statusCode).toBe(200);
    expect((await post(leader, `/api/squads/${squad.id}/leave`)).statusCode).toBe(204);
    expect((await edit()).statusCode).toBe(403);
    const team = await post(leader, `/api/shifts/${(await w.fresh.shift(B)).id}/team-signups`, {
      squadId: squad.id,
      userIds: [leader.id],
      mode: 'as_many_as_fit',
    });
    expect(team.statusCode).toBe(403);
  });
});
