/**
 * A member removed by a leader or coordinator does not come back with the invitation code: they ask to
 * join and the leader decides. Someone who left on their own may use the code again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
let centerId: string;
let coordinator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const volunteer = async (displayName: string) => {
  const user = await buildUser(t.db, { role: 'volunteer', displayName });
  return { id: user.id, cookie: await login(user.email) };
};

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  coordinator = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).email);
});
afterAll(async () => {
  await t.close();
});

async function squad(name: string) {
  const res = await t.request('POST', '/api/squads', { cookie: coordinator, body: { centerId, name } });
  expect(res.statusCode).toBe(201);
  return res.json().squad as { id: string; inviteCode: string };
}
const byCode = (cookie: string, code: string) =>
  t.request('POST', '/api/squads/join-by-code', { cookie, body: { code } });
const status = async (squadId: string, userId: string) =>
  (
    await t.db
      .selectFrom('squad_members')
      .select('status')
      .where('squad_id', '=', squadId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.status;

describe('coming back after being removed', () => {
  it('the code is refused; a request the leader approves brings the member back', async () => {
    const s = await squad('Отряд «Строгий»');
    const member = await volunteer('Игорь Исключённый');
    expect((await byCode(member.cookie, s.inviteCode)).statusCode).toBe(200);
    const removed = await t.request('POST', `/api/squads/${s.id}/members/${member.id}`, {
      cookie: coordinator,
      body: { action: 'remove' },
    });
    expect(removed.statusCode).toBe(200);

    const seen = (await t.request('GET', `/api/squads/${s.id}`, { cookie: member.cookie })).json().squad;
    expect(seen).toMatchObject({ myStatus: 'removed', myRejoinNeedsApproval: true });

    const refused = await byCode(member.cookie, s.inviteCode);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('squad_rejoin_needs_approval');
    expect(refused.json().errors[0]).toMatchObject({ field: 'code', code: 'squad_rejoin_needs_approval' });
    expect(refused.json().errors[0].message).toContain('исключили из отряда «Отряд «Строгий»»');
    expect(await status(s.id, member.id)).toBe('removed');

    // Asking is allowed; the code still does not skip the leader's decision while the request waits.
    const asked = await t.request('POST', `/api/squads/${s.id}/join`, { cookie: member.cookie });
    expect(asked.json().squad).toMatchObject({ myStatus: 'requested', myRejoinNeedsApproval: true });
    expect((await byCode(member.cookie, s.inviteCode)).statusCode).toBe(409);
    expect(await status(s.id, member.id)).toBe('requested');

    const approved = await t.request('POST', `/api/squads/${s.id}/members/${member.id}`, {
      cookie: coordinator,
      body: { action: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    expect(await status(s.id, member.id)).toBe('active');
    const back = (await t.request('GET', `/api/squads/${s.id}`, { cookie: member.cookie })).json().squad;
    expect(back).toMatchObject({ myStatus: 'active', myRejoinNeedsApproval: false });

    // Approved again, the member is like any other: leaving and coming back with the code works.
    await t.request('POST', `/api/squads/${s.id}/leave`, { cookie: member.cookie });
    expect((await byCode(member.cookie, s.inviteCode)).statusCode).toBe(200);
    expect(await status(s.id, member.id)).toBe('active');
  });

  it('a declined request (removed while asking) also closes the code', async () => {
    const s = await squad('Отряд «Выборочный»');
    const asker = await volunteer('Анна Просящая');
    await t.request('POST', `/api/squads/${s.id}/join`, { cookie: asker.cookie });
    await t.request('POST', `/api/squads/${s.id}/members/${asker.id}`, {
      cookie: coordinator,
      body: { action: 'remove' },
    });
    expect((await byCode(asker.cookie, s.inviteCode)).statusCode).toBe(409);
    expect(await status(s.id, asker.id)).toBe('removed');
  });

  it('someone who left on their own may come back with the code at once', async () => {
    const s = await squad('Отряд «Открытый»');
    const member = await volunteer('Олег Ушедший');
    await byCode(member.cookie, s.inviteCode);
    await t.request('POST', `/api/squads/${s.id}/leave`, { cookie: member.cookie });
    const seen = (await t.request('GET', `/api/squads/${s.id}`, { cookie: member.cookie })).json().squad;
    expect(seen).toMatchObject({ myStatus: 'removed', myRejoinNeedsApproval: false });
    expect((await byCode(member.cookie, s.inviteCode)).statusCode).toBe(200);
    expect(await status(s.id, member.id)).toBe('active');
  });
});
