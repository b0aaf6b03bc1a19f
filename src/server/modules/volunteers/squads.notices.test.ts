/**
 * An invitation to lead a squad reaches the invitee in the app and by mail in their own language, with a
 * link to the squad's page where they answer; accepting tells the coordinator who invited them (in-app),
 * declining tells nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
let centerId: string;
let centerName: string;
let coordinator: { id: string; cookie: string };
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const person = async (displayName: string, locale: 'ru' | 'en' = 'ru') => {
  const user = await buildUser(t.db, { role: 'volunteer', displayName });
  await t.db.updateTable('users').set({ locale }).where('id', '=', user.id).execute();
  return { ...user, cookie: await login(user.email) };
};
const notices = async (cookie: string) =>
  (await t.request('GET', '/api/me/notifications', { cookie })).json().items as {
    kind: string;
    link: string | null;
    params: Record<string, string | null>;
  }[];

beforeAll(async () => {
  t = await createTestPlatform();
  const center = await buildCenter(t.db);
  centerId = center.id;
  centerName = center.name;
  const user = await buildUser(t.db, {
    role: 'center_coordinator',
    scopeId: centerId,
    displayName: 'Координатор Центра',
  });
  coordinator = { id: user.id, cookie: await login(user.email) };
});
afterAll(async () => {
  await t.close();
});

async function squadWithMember(name: string, member: { cookie: string }) {
  const created = await t.request('POST', '/api/squads', {
    cookie: coordinator.cookie,
    body: { centerId, name },
  });
  const squad = created.json().squad as { id: string; inviteCode: string };
  await t.request('POST', '/api/squads/join-by-code', {
    cookie: member.cookie,
    body: { code: squad.inviteCode },
  });
  return squad;
}

describe('an invitation to lead a squad', () => {
  it('named at creation: the invitee gets an in-app notice and a Russian mail linking to the squad', async () => {
    const invitee = await person('Ирина Лидерова');
    const created = await t.request('POST', '/api/squads', {
      cookie: coordinator.cookie,
      body: { centerId, name: 'Отряд «Маяк»', leaderUserId: invitee.id },
    });
    expect(created.statusCode).toBe(201);
    const squadId = created.json().squad.id;
    expect(await notices(invitee.cookie)).toEqual([
      expect.objectContaining({
        kind: 'squad.leader_invited',
        link: `/squads/${squadId}`,
        params: expect.objectContaining({ squadId, squad: 'Отряд «Маяк»', center: centerName }),
      }),
    ]);
    const mail = await t.mailbox(invitee.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.template).toBe('squad_leader_invitation');
    expect(mail[0]?.subject).toContain('Отряд «Маяк»');
    expect(mail[0]?.text_body).toContain('Здравствуйте, Ирина Лидерова!');
    expect(mail[0]?.text_body).toContain('руководить отрядом «Отряд «Маяк»»');
    expect(mail[0]?.text_body).toContain(`http://localhost:3000/squads/${squadId}`);
    // the coordinator who acted is not told about their own step
    expect((await notices(coordinator.cookie)).map((n) => n.kind)).not.toContain('squad.leader_invited');
  });

  it('of a member, in English for an English-speaking member; accepting tells the coordinator in-app', async () => {
    const member = await person('Jane Member', 'en');
    const squad = await squadWithMember('Отряд «Рассвет»', member);
    const invited = await t.request('POST', `/api/squads/${squad.id}/leaders`, {
      cookie: coordinator.cookie,
      body: { userId: member.id },
    });
    expect(invited.statusCode).toBe(200);
    const [notice] = await notices(member.cookie);
    expect(notice).toMatchObject({ kind: 'squad.leader_invited', link: `/squads/${squad.id}` });
    const mail = await t.mailbox(member.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('Invitation to lead the squad "Отряд «Рассвет»" — Dobroset');
    expect(mail[0]?.text_body).toContain('Hello, Jane Member!');
    expect(mail[0]?.html_body).toContain('<html lang="en">');

    const before = (await notices(coordinator.cookie)).length;
    const accepted = await t.request('POST', `/api/squads/${squad.id}/leadership/accept`, {
      cookie: member.cookie,
    });
    expect(accepted.statusCode).toBe(200);
    const coordinatorNotices = await notices(coordinator.cookie);
    expect(coordinatorNotices).toHaveLength(before + 1);
    expect(coordinatorNotices[0]).toMatchObject({
      kind: 'squad.leader_accepted',
      link: `/squads/${squad.id}`,
      params: expect.objectContaining({ squadId: squad.id, squad: 'Отряд «Рассвет»', who: 'Jane Member' }),
    });
    // no mail to the coordinator about it
    expect(await t.mailbox(await emailOf(coordinator.id))).toEqual([]);
  });

  it('declining tells nobody', async () => {
    const member = await person('Пётр Скромный');
    const squad = await squadWithMember('Отряд «Тишина»', member);
    await t.request('POST', `/api/squads/${squad.id}/leaders`, {
      cookie: coordinator.cookie,
      body: { userId: member.id },
    });
    const before = await notices(coordinator.cookie);
    const declined = await t.request('POST', `/api/squads/${squad.id}/leadership/decline`, {
      cookie: member.cookie,
    });
    expect(declined.statusCode).toBe(200);
    expect(await notices(coordinator.cookie)).toEqual(before);
  });
});

const emailOf = async (id: string) =>
  (await t.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
