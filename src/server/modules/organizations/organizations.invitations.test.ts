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
  return { id: org.id, name: org.name, owner, cookie: await login(owner.email) };
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

describe('notices about an invitation', () => {
  type Notice = { kind: string; link: string | null; params: Record<string, string | null> };
  const notices = async (cookie: string) =>
    (await t.request('GET', '/api/me/notifications', { cookie })).json().items as Notice[];
  const allNotifications = async () =>
    (
      await t.db
        .selectFrom('notifications')
        .select(t.db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('a registered invitee also gets an in-app notice linking to where they answer; an unknown address adds none', async () => {
    const invitee = await buildUser(t.db, { displayName: 'Светлана Приглашённая' });
    const org = await organization();
    const before = Number(await allNotifications());
    expect((await invite(org, invitee.email.toUpperCase())).statusCode).toBe(200);
    expect(Number(await allNotifications())).toBe(before + 1);
    const cookie = await login(invitee.email);
    expect(await notices(cookie)).toEqual([
      expect.objectContaining({
        kind: 'organization.representative_invited',
        link: '/organizations',
        params: expect.objectContaining({ organizationId: org.id, organization: org.name }),
      }),
    ]);
    // the inviter's own list gets nothing about it
    expect(await notices(org.cookie)).toEqual([]);

    expect((await invite(org, 'nobody-here@example.ru')).statusCode).toBe(200);
    expect(Number(await allNotifications())).toBe(before + 1);
  });

  it('accepting tells the inviter in the app (no mail); declining tells nobody', async () => {
    const org = await organization();
    const yes = await buildUser(t.db, { displayName: 'Алексей Согласный' });
    const no = await buildUser(t.db, { displayName: 'Борис Несогласный' });
    await invite(org, yes.email);
    await invite(org, no.email);
    const mailBefore = (await t.mailbox(org.owner.email)).length;

    const noCookie = await login(no.email);
    const [noInvitation] = (
      await t.request('GET', '/api/me/organization-invitations', { cookie: noCookie })
    ).json().items;
    await t.request('POST', `/api/me/organization-invitations/${noInvitation.id}/decline`, {
      cookie: noCookie,
    });
    expect(await notices(org.cookie)).toEqual([]);

    const yesCookie = await login(yes.email);
    const [yesInvitation] = (
      await t.request('GET', '/api/me/organization-invitations', { cookie: yesCookie })
    ).json().items;
    const accepted = await t.request('POST', `/api/me/organization-invitations/${yesInvitation.id}/accept`, {
      cookie: yesCookie,
    });
    expect(accepted.statusCode).toBe(200);
    expect(await notices(org.cookie)).toEqual([
      expect.objectContaining({
        kind: 'organization.invitation_accepted',
        link: `/organizations/${org.id}`,
        params: expect.objectContaining({
          organizationId: org.id,
          organization: org.name,
          who: 'Алексей Согласный',
        }),
      }),
    ]);
    expect(await t.mailbox(org.owner.email)).toHaveLength(mailBefore);
  });
});
