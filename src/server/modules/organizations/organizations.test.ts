import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildMunicipality,
  buildOrganization,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageOrganization, canSeeRegistry } from './organizations.policy.js';

let t: TestPlatform;
let regionId: string;
let municipalityId: string;
let adminCookie: string;

const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  municipalityId = (await buildMunicipality(t.db, { regionId, name_ru: 'Кемеровский городской округ' })).id;
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  adminCookie = await login(admin.email);
});
afterAll(async () => {
  await t.close();
});

const valid = () => ({
  name: '  Библиотека   имени А. С. Пушкина ',
  kind: 'culture',
  subkind: 'library',
  inn: '4205123459',
  ogrn: '1024200000000',
  municipalityId,
  address: 'г. Кемерово, ул. Весенняя, 1',
  phone: '+7 (3842) 00-00-00',
  email: 'Library@Example.ru',
});

describe('policy', () => {
  const user = (grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({
    kind: 'user',
    userId: 'u',
    sessionId: 's',
    email: 'e',
    mustChangePassword: false,
    grants,
  });
  it('the operator manages every organization of the region; a representative only their own', () => {
    const org = { id: 'O1', region_id: 'R1' };
    expect(
      canManageOrganization(user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]), org),
    ).toBe(true);
    expect(
      canManageOrganization(
        user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O1' }]),
        org,
      ),
    ).toBe(true);
    expect(
      canManageOrganization(
        user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O2' }]),
        org,
      ),
    ).toBe(false);
    expect(
      canManageOrganization(user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]), org),
    ).toBe(false);
    expect(
      canSeeRegistry(user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O1' }]), {
        id: 'R1',
      }),
    ).toBe(false);
  });
});

describe('registering organizations', () => {
  it('a person registers an organization, becomes its representative and sees only their own', async () => {
    const person = await buildUser(t.db, { displayName: 'Анна Заявитель' });
    const cookie = await login(person.email);
    const res = await t.request('POST', '/api/organizations', { cookie, body: valid() });
    expect(res.statusCode).toBe(201);
    const org = res.json().organization;
    expect(org).toMatchObject({
      name: 'Библиотека имени А. С. Пушкина',
      kind: 'culture',
      subkind: 'library',
      inn: '4205123459',
      email: 'library@example.ru',
      isPlaceholder: false,
      municipality: { id: municipalityId, nameRu: 'Кемеровский городской округ' },
    });
    expect(org.representatives).toEqual([
      { userId: person.id, displayName: 'Анна Заявитель', email: person.email },
    ]);

    // A fresh login carries the new grant.
    const again = await login(person.email);
    const mine = await t.request('GET', '/api/organizations', { cookie: again });
    expect(mine.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    expect((await t.request('GET', `/api/organizations/${org.id}`, { cookie: again })).statusCode).toBe(200);

    const stranger = await login((await buildUser(t.db)).email);
    expect((await t.request('GET', `/api/organizations/${org.id}`, { cookie: stranger })).statusCode).toBe(
      404,
    );
    expect(
      (
        await t.request('PATCH', `/api/organizations/${org.id}`, {
          cookie: stranger,
          body: { name: 'Захват' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request('GET', '/api/organizations', { cookie: stranger })).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await t.request('GET', '/api/organizations')).statusCode).toBe(401);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', org.id)
      .execute();
    expect(audit).toEqual([{ action: 'organization.created', actor_id: person.id }]);
  });

  it('refuses a second organization with the same INN, naming the first', async () => {
    const res = await t.request('POST', '/api/organizations', {
      cookie: adminCookie,
      body: { ...valid(), name: 'Другое имя', ogrn: null },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'inn_taken', errors: [{ field: 'inn', code: 'inn_taken' }] });
    expect(res.json().errors[0].message).toContain('Библиотека имени А. С. Пушкина');
    const check = await t.request('GET', '/api/organizations/check-inn?inn=4205123459', {
      cookie: adminCookie,
    });
    expect(check.json()).toMatchObject({
      valid: true,
      duplicateOf: { name: 'Библиотека имени А. С. Пушкина' },
    });
    expect(
      (await t.request('GET', '/api/organizations/check-inn?inn=4205123458', { cookie: adminCookie })).json(),
    ).toEqual({ valid: false, duplicateOf: null });
  });

  it('two registrations of one INN at the same time: exactly one wins', async () => {
    const body = { ...valid(), inn: '4205987650', ogrn: null, name: 'Гонка' };
    const results = await Promise.all(
      [1, 2, 3].map(() => t.request('POST', '/api/organizations', { cookie: adminCookie, body })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('reports identifier and vocabulary errors per field', async () => {
    const res = await t.request('POST', '/api/organizations', {
      cookie: adminCookie,
      body: { ...valid(), inn: '4205123458', ogrn: '1024200000001', subkind: 'university' },
    });
    expect(res.statusCode).toBe(400);
    const codes = Object.fromEntries(
      res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    );
    expect(codes).toEqual({ inn: 'inn_checksum', ogrn: 'ogrn_checksum', subkind: 'subkind_mismatch' });

    const mismatch = await t.request('POST', '/api/organizations', {
      cookie: adminCookie,
      body: { ...valid(), inn: '420512345675' },
    });
    expect(mismatch.json().errors).toEqual([
      expect.objectContaining({ field: 'ogrn', code: 'ogrn_inn_mismatch' }),
    ]);

    const ended = await buildMunicipality(t.db, {
      regionId,
      effective_to: '2020-01-01',
      effective_from: '2000-01-01',
    });
    const old = await t.request('POST', '/api/organizations', {
      cookie: adminCookie,
      body: { ...valid(), inn: null, ogrn: null, municipalityId: ended.id },
    });
    expect(old.json().errors).toEqual([
      expect.objectContaining({ field: 'municipalityId', code: 'municipality_not_in_force' }),
    ]);

    const shape = await t.request('POST', '/api/organizations', {
      cookie: adminCookie,
      body: { ...valid(), inn: '12345', kind: 'church', extra: 1 },
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['extra', 'inn', 'kind']);
  });
});

describe('editing and representatives', () => {
  it('renaming a seeded placeholder clears its placeholder mark', async () => {
    const placeholder = await buildOrganization(t.db, {
      municipalityId,
      name: 'Организация-заглушка № 1 (Кемерово) — переименуйте',
    });
    await t.db
      .updateTable('organizations')
      .set({ is_placeholder: true })
      .where('id', '=', placeholder.id)
      .execute();
    const res = await t.request('PATCH', `/api/organizations/${placeholder.id}`, {
      cookie: adminCookie,
      body: { name: 'Кемеровский молодёжный центр', kind: 'youth_policy', subkind: 'youth_centre' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().organization).toMatchObject({
      name: 'Кемеровский молодёжный центр',
      isPlaceholder: false,
      subkind: 'youth_centre',
    });
    const bad = await t.request('PATCH', `/api/organizations/${placeholder.id}`, {
      cookie: adminCookie,
      body: { subkind: 'library' },
    });
    expect(bad.json().errors[0]).toMatchObject({ field: 'subkind', code: 'subkind_mismatch' });
  });

  it('representatives add colleagues; the last one can be removed only by the operator', async () => {
    const owner = await buildUser(t.db);
    const colleague = await buildUser(t.db, { displayName: 'Коллега' });
    const created = await t.request('POST', '/api/organizations', {
      cookie: await login(owner.email),
      body: { ...valid(), inn: null, ogrn: null, name: 'Дом культуры' },
    });
    const orgId = created.json().organization.id;
    const ownerCookie = await login(owner.email);

    // an invitation: the same answer for an unknown and a registered address, nobody added yet
    const unknown = await t.request('POST', `/api/organizations/${orgId}/representatives`, {
      cookie: ownerCookie,
      body: { email: 'nobody@example.ru' },
    });
    const invited = await t.request('POST', `/api/organizations/${orgId}/representatives`, {
      cookie: ownerCookie,
      body: { email: colleague.email.toUpperCase() },
    });
    expect(unknown.statusCode).toBe(200);
    expect(invited.statusCode).toBe(200);
    expect(invited.json().organization.representatives.map((r: { userId: string }) => r.userId)).toEqual([
      owner.id,
    ]);
    expect(
      invited
        .json()
        .organization.invitations.map((i: { email: string }) => i.email)
        .sort(),
    ).toEqual([colleague.email, 'nobody@example.ru'].sort());
    const mails = await t.mailbox();
    const sent = mails.filter((m) => m.template === 'organization_invitation').map((m) => m.to_address);
    expect(sent.sort()).toEqual([colleague.email, 'nobody@example.ru'].sort());

    // the colleague accepts, signed in with the invited address
    const colleagueCookie = await login(colleague.email);
    const pending = (
      await t.request('GET', '/api/me/organization-invitations', { cookie: colleagueCookie })
    ).json().items;
    expect(pending).toEqual([expect.objectContaining({ organization: { id: orgId, name: 'Дом культуры' } })]);
    // nobody else can answer it
    const stranger = await login((await buildUser(t.db)).email);
    const foreign = await t.request('POST', `/api/me/organization-invitations/${pending[0].id}/accept`, {
      cookie: stranger,
    });
    expect(foreign.statusCode).toBe(404);
    const accepted = await t.request('POST', `/api/me/organization-invitations/${pending[0].id}/accept`, {
      cookie: colleagueCookie,
    });
    expect(accepted.json().items).toEqual([]);
    const added = await t.request('GET', `/api/organizations/${orgId}`, { cookie: ownerCookie });
    expect(added.json().organization.representatives.map((r: { userId: string }) => r.userId)).toEqual([
      owner.id,
      colleague.id,
    ]);
    expect(added.json().organization.invitations.map((i: { email: string }) => i.email)).toEqual([
      'nobody@example.ru',
    ]);

    const removeSelf = await t.request('DELETE', `/api/organizations/${orgId}/representatives/${owner.id}`, {
      cookie: ownerCookie,
    });
    expect(removeSelf.statusCode).toBe(200);
    const last = await t.request('DELETE', `/api/organizations/${orgId}/representatives/${colleague.id}`, {
      cookie: colleagueCookie,
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last_representative');
    const byOperator = await t.request(
      'DELETE',
      `/api/organizations/${orgId}/representatives/${colleague.id}`,
      { cookie: adminCookie },
    );
    expect(byOperator.json().organization.representatives).toEqual([]);
  });

  it('the operator lists and searches the registry by name or INN, paged, in one query per page', async () => {
    const all = await t.request('GET', '/api/organizations?limit=2', { cookie: adminCookie });
    expect(all.json().items).toHaveLength(2);
    expect(all.json().total).toBeGreaterThan(2);
    const byName = await t.request('GET', `/api/organizations?q=${encodeURIComponent('пушкина')}`, {
      cookie: adminCookie,
    });
    expect(byName.json().items.map((o: { name: string }) => o.name)).toEqual([
      'Библиотека имени А. С. Пушкина',
    ]);
    const byInn = await t.request('GET', '/api/organizations?q=4205123459', { cookie: adminCookie });
    expect(byInn.json().total).toBe(1);
    const byKind = await t.request('GET', '/api/organizations?kind=youth_policy', { cookie: adminCookie });
    expect(byKind.json().items.every((o: { kind: string }) => o.kind === 'youth_policy')).toBe(true);
  });
});
