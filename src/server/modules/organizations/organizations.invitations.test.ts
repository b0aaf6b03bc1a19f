/**
 * Representatives by invitation: the inviter's answer does not tell whether an address is registered,
 * nobody gains the role (or sees the organization) before accepting, and an invitation can be declined,
 * withdrawn, or run out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { INVITATION_TTL_MS } from './organizations.service.js';

let t: TestPlatform;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

/** An organization with one representative, who is signed in. */
async function organization() {
  const org = await buildOrganization(t.db);
  const owner = await buildUser(t.db, { role: 'org_representative', scopeId: org.id });
  return { id: org.id, cookie: await login(owner.email) };
}
const invite = (org: { id: string; cookie: string }, email: string) =>
  t.request('POST', `/api/organizations/${org.id}/representatives`, { cookie: org.cookie, body: { email } });

/** The answer with the address itself (which the inviter typed) and the ids taken out. */
const shape = (res: { statusCode: number; json(): { organization: Record<string, unknown> } }) => {
  const {
    id: _id,
    invitations,
    representatives,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = res.json().organization;
  return {
    status: res.statusCode,
    keys: Object.keys(rest).sort(),
    representatives: (representatives as unknown[]).length,
    invitations: (invitations as { id: string; email: string }[]).map((i) => Object.keys(i).sort()),
  };
};

describe('inviting a representative', () => {
  it('answers a registered and an unknown address alike, and gives the registered one nothing yet', async () => {
    const known = await buildUser(t.db, { email: 'known-rep@example.ru' });
    const a = await organization();
    const b = await organization();
    const toKnown = await invite(a, 'Known-Rep@example.ru');
    const toUnknown = await invite(b, 'unknown-rep@example.ru');
    expect(shape(toKnown)).toEqual(shape(toUnknown));
    expect(toKnown.json().organization.invitations[0].email).toBe('known-rep@example.ru');
    const roles = await t.db
      .selectFrom('role_assignments')
      .select('role')
      .where('user_id', '=', known.id)
      .where('role', '=', 'org_representative')
      .execute();
    expect(roles).toEqual([]);
    const knownCookie = await login(known.email);
    expect((await t.request('GET', `/api/organizations/${a.id}`, { cookie: knownCookie })).statusCode).toBe(
      404,
    );
    // both addresses got the same mail
    const mails = (await t.mailbox()).filter((m) => m.template === 'organization_invitation');
    const [first, second] = ['known-rep@example.ru', 'unknown-rep@example.ru'].map(
      (to) => mails.find((m) => m.to_address === to)?.subject,
    );
    expect(first).toBeDefined();
    expect(first?.replace(/«.*»/, '')).toBe(second?.replace(/«.*»/, ''));
  });

  it('can be declined or withdrawn; an expired one cannot be accepted', async () => {
    const org = await organization();
    const person = await buildUser(t.db);
    let cookie = await login(person.email);
    await invite(org, person.email);
    const [first] = (await t.request('GET', '/api/me/organization-invitations', { cookie })).json().items;
    const declined = await t.request('POST', `/api/me/organization-invitations/${first.id}/decline`, {
      cookie,
    });
    expect(declined.json().items).toEqual([]);

    const again = await invite(org, person.email);
    const invitationId = again.json().organization.invitations[0].id;
    const withdrawn = await t.request('DELETE', `/api/organizations/${org.id}/invitations/${invitationId}`, {
      cookie: org.cookie,
    });
    expect(withdrawn.json().organization.invitations).toEqual([]);
    expect(
      (await t.request('POST', `/api/me/organization-invitations/${invitationId}/accept`, { cookie }))
        .statusCode,
    ).toBe(404);

    const late = await invite(org, person.email);
    const lateId = late.json().organization.invitations[0].id;
    t.clock.advance(INVITATION_TTL_MS + 1000);
    cookie = await login(person.email); // the old session has run out by now too
    expect((await t.request('GET', '/api/me/organization-invitations', { cookie })).json().items).toEqual([]);
    const expired = await t.request('POST', `/api/me/organization-invitations/${lateId}/accept`, { cookie });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().code).toBe('invitation_expired');
    const roles = await t.db
      .selectFrom('role_assignments')
      .select('role')
      .where('user_id', '=', person.id)
      .where('role', '=', 'org_representative')
      .execute();
    expect(roles).toEqual([]);
  });

  it('only managers of the organization invite', async () => {
    const org = await organization();
    const outsider = await login((await buildUser(t.db)).email);
    const res = await t.request('POST', `/api/organizations/${org.id}/representatives`, {
      cookie: outsider,
      body: { email: 'x@example.ru' },
    });
    expect(res.statusCode).toBe(404);
    expect(
      await t.db
        .selectFrom('organization_invitations')
        .select('id')
        .where('email', '=', 'x@example.ru')
        .execute(),
    ).toEqual([]);
  });
});
