/** The public list of a centre's squads (its public page): squads' own data only, never people. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';

let t: TestPlatform;
let centerId: string;
let suspendedId: string;
let coordinator: string;
let inviteCode: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  centerId = (await buildCenter(t.db)).id;
  suspendedId = (await buildCenter(t.db, { status: 'suspended' })).id;
  coordinator = await login((await buildUser(t.db, { role: 'center_coordinator', scopeId: centerId })).email);
  const leader = await buildUser(t.db, { role: 'volunteer', displayName: 'Лидерова Анна Петровна' });
  const created = await t.request('POST', '/api/squads', {
    cookie: coordinator,
    body: {
      centerId,
      name: 'Отряд «Искра»',
      focus: 'Помощь семьям участников СВО',
      tags: ['МЫВМЕСТЕ'],
      leaderUserId: leader.id,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  inviteCode = created.json().squad.inviteCode;
  // the named leader leads (and counts as a member) once she accepts
  const accepted = await t.request('POST', `/api/squads/${created.json().squad.id}/leadership/accept`, {
    cookie: await login(leader.email),
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const member = await buildUser(t.db, { role: 'volunteer', displayName: 'Участников Пётр' });
  const joined = await t.request('POST', '/api/squads/join-by-code', {
    cookie: await login(member.email),
    body: { code: inviteCode },
  });
  expect(joined.statusCode, joined.body).toBe(200);
  const requester = await buildUser(t.db, { role: 'volunteer', displayName: 'Просителева Ольга' });
  const squadId = created.json().squad.id;
  const asked = await t.request('POST', `/api/squads/${squadId}/join`, {
    cookie: await login(requester.email),
  });
  expect(asked.statusCode, asked.body).toBe(200);
  const empty = await t.request('POST', '/api/squads', {
    cookie: coordinator,
    body: { centerId, name: 'Амурские тигры' },
  });
  expect(empty.statusCode, empty.body).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/public/centers/:id/squads', () => {
  it('lists name, focus, tags and active member count to anyone, without signing in', async () => {
    const r = await t.request('GET', `/api/public/centers/${centerId}/squads`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      items: [
        { id: expect.any(String), name: 'Амурские тигры', focus: null, tags: [], activeMembers: 0 },
        {
          id: expect.any(String),
          name: 'Отряд «Искра»',
          focus: 'Помощь семьям участников СВО',
          tags: ['#МЫВМЕСТЕ'],
          activeMembers: 2,
        },
      ],
    });
  });

  it('carries no personal data and no invitation code', async () => {
    const r = await t.request('GET', `/api/public/centers/${centerId}/squads`);
    for (const secret of [
      'Лидерова',
      'Участников',
      'Просителева',
      inviteCode,
      'userId',
      'leaders',
      'members',
    ])
      expect(r.body).not.toContain(secret);
    // The signed-in coordinator gets the same public shape here (the full one is /api/centers/:id/squads).
    const asCoordinator = await t.request('GET', `/api/public/centers/${centerId}/squads`, {
      cookie: coordinator,
    });
    expect(asCoordinator.body).toBe(r.body);
  });

  it('a suspended or unknown centre is not found; a malformed id is refused', async () => {
    expect((await t.request('GET', `/api/public/centers/${suspendedId}/squads`)).statusCode).toBe(404);
    const unknown = await t.request('GET', '/api/public/centers/00000000-0000-4000-8000-000000000000/squads');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await t.request('GET', '/api/public/centers/abc/squads')).statusCode).toBe(400);
  });

  it('the signed-in list still needs a sign-in', async () => {
    expect((await t.request('GET', `/api/centers/${centerId}/squads`)).statusCode).toBe(401);
  });
});
