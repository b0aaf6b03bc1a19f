import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import type { Actor } from '../../platform/auth/actor.js';
import { seedServiceKinds } from '../../seed/service-kinds.js';
import { checkProfile, normalizePhone, normalizeWebsite } from './center-profile.js';
import { canEditCenterProfile } from './centers.policy.js';

let t: TestPlatform;
let regionId: string;
let operator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  await seedServiceKinds(t.db);
  regionId = (await buildRegion(t.db)).id;
  operator = await login((await buildUser(t.db, { role: 'regional_admin', scopeId: regionId })).email);
});
afterAll(async () => {
  await t.close();
});

describe('profile rules (pure)', () => {
  it('accepts Russian phone formats and rejects letters or too few digits', () => {
    expect(normalizePhone('+7 (3842) 12-34-56')).toBe('+7 (3842) 12-34-56');
    expect(normalizePhone('8 3842 123456 доб. 12')).toBe('8 3842 123456 доб. 12');
    expect(normalizePhone('12-34-56')).toBeNull();
    expect(normalizePhone('call me')).toBeNull();
  });
  it('accepts http(s) addresses, adds https:// to a bare host, refuses other schemes', () => {
    expect(normalizeWebsite('dobro.example.ru')).toBe('https://dobro.example.ru/');
    expect(normalizeWebsite('http://example.ru/centre')).toBe('http://example.ru/centre');
    expect(normalizeWebsite('javascript:alert(1)')).toBeNull();
    expect(normalizeWebsite('not a site')).toBeNull();
  });
  it('reports every bad field at once and clears blank ones', () => {
    const { update, errors } = checkProfile(
      {
        services: ['training', 'astrology'],
        phone: 'x',
        email: 'a@b',
        website: 'ftp://x.ru',
        description: '  ',
      },
      new Set(['training']),
    );
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'services:unknown_service',
      'phone:invalid_phone',
      'email:invalid_email',
      'website:invalid_url',
    ]);
    expect(update.description).toBeNull();
  });
  it('the centre coordinators and the regional operator may edit; others may not', () => {
    const user = (grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({
      kind: 'user',
      userId: 'u',
      sessionId: 's',
      email: 'e',
      mustChangePassword: false,
      grants,
    });
    const center = { id: 'C1', organization_id: 'O1', region_id: 'R1' };
    expect(
      canEditCenterProfile(
        user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]),
        center,
      ),
    ).toBe(true);
    expect(
      canEditCenterProfile(
        user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C2' }]),
        center,
      ),
    ).toBe(false);
    expect(
      canEditCenterProfile(user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]), center),
    ).toBe(true);
    expect(
      canEditCenterProfile(
        user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O1' }]),
        center,
      ),
    ).toBe(false);
    expect(canEditCenterProfile({ kind: 'anonymous' }, center)).toBe(false);
  });
});

describe('PATCH /api/centers/:id/profile', () => {
  it('the centre coordinator edits the profile; the public page shows it; the change is audited', async () => {
    const center = await buildCenter(t.db, { name: 'Добро.Центр «Профиль»' });
    const coordinator = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id })).email,
    );
    const res = await t.request('PATCH', `/api/centers/${center.id}/profile`, {
      cookie: coordinator,
      body: {
        services: ['training', 'consultations', 'training'],
        openingHours: 'Пн–Пт 10:00–18:00',
        phone: '+7 (3842) 12-34-56',
        email: 'Dobro@Example.RU',
        website: 'dobro.example.ru',
        description: 'Помогаем начать волонтёрство.',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().center).toMatchObject({
      services: ['training', 'consultations'],
      openingHours: 'Пн–Пт 10:00–18:00',
      email: 'dobro@example.ru',
      website: 'https://dobro.example.ru/',
    });
    const pub = (await t.request('GET', `/api/public/centers/${center.id}`)).json().center;
    expect(pub).toMatchObject({ phone: '+7 (3842) 12-34-56', description: 'Помогаем начать волонтёрство.' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', center.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('center.profile_updated');
    expect(audit[0]?.data).toMatchObject({
      fields: expect.arrayContaining(['services', 'phone', 'website']),
    });

    // Only the fields sent change; a blank one is cleared.
    const partial = await t.request('PATCH', `/api/centers/${center.id}/profile`, {
      cookie: coordinator,
      body: { phone: '' },
    });
    expect(partial.json().center).toMatchObject({ phone: null, email: 'dobro@example.ru' });
  });

  it('the operator edits any centre of the region, even a suspended one', async () => {
    const center = await buildCenter(t.db, { status: 'suspended' });
    const res = await t.request('PATCH', `/api/centers/${center.id}/profile`, {
      cookie: operator,
      body: { openingHours: 'Сб 12:00–16:00' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().center).toMatchObject({ status: 'suspended', openingHours: 'Сб 12:00–16:00' });
  });

  it('a coordinator of another centre gets 404, the public 401, and nothing changes', async () => {
    const center = await buildCenter(t.db);
    const other = await buildCenter(t.db);
    const stranger = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
    );
    const body = { description: 'Чужой текст' };
    expect(
      (await t.request('PATCH', `/api/centers/${center.id}/profile`, { cookie: stranger, body })).statusCode,
    ).toBe(404);
    expect((await t.request('PATCH', `/api/centers/${center.id}/profile`, { body })).statusCode).toBe(401);
    const row = await t.db
      .selectFrom('centers')
      .select('description')
      .where('id', '=', center.id)
      .executeTakeFirstOrThrow();
    expect(row.description).toBeNull();
  });

  it('invalid fields are problem+json field errors in the request language; nothing is written', async () => {
    const center = await buildCenter(t.db);
    const res = await t.request('PATCH', `/api/centers/${center.id}/profile`, {
      cookie: operator,
      headers: { 'accept-language': 'ru' },
      body: { services: ['astrology'], phone: '123', email: 'nope', website: 'javascript:alert(1)' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('profile_invalid');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'services',
      'phone',
      'email',
      'website',
    ]);
    expect(problem.errors[0].message).toBe('Неизвестная услуга «astrology».');
    const unknownField = await t.request('PATCH', `/api/centers/${center.id}/profile`, {
      cookie: operator,
      body: { status: 'closed' },
    });
    expect(unknownField.statusCode).toBe(400);
    const row = await t.db
      .selectFrom('centers')
      .select(['services', 'status'])
      .where('id', '=', center.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ services: [], status: 'active' });
  });
});
