import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildCenter,
  buildMunicipality,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import { seedVolunteerDefaults } from '../../seed/volunteers-defaults.js';

let t: TestPlatform;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const form = (over: Record<string, unknown> = {}) => ({
  fullName: 'Анна-Мария Щукина',
  birthDate: '1990-05-20',
  profession: 'инженер',
  skills: ['first_aid', 'driving'],
  skillTags: ['#квадрокоптер'],
  languages: ['ru', 'en'],
  municipalityId: null,
  homeCenterId: null,
  homePoint: { lat: 55.35, lon: 86.08 },
  availability: [{ day: 6, from: '10:00', to: '14:00' }],
  interests: ['ecology'],
  about: 'Люблю походы.',
  visibleFields: ['full_name', 'skills'],
  ...over,
});

beforeAll(async () => {
  t = await createTestPlatform();
  await seedVolunteerDefaults(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('vocabulary', () => {
  it('lists active skills and interests for the form, no login needed', async () => {
    await t.db.updateTable('skills').set({ active: false }).where('code', '=', 'sewing').execute();
    const res = await t.request('GET', '/api/volunteers/vocabulary');
    expect(res.statusCode).toBe(200);
    const codes = res.json().skills.map((s: { code: string }) => s.code);
    expect(codes).toContain('first_aid');
    expect(codes).not.toContain('sewing');
    expect(res.json().interests.length).toBeGreaterThan(5);
  });
});

describe('own profile', () => {
  it('needs a login', async () => {
    expect((await t.request('GET', '/api/volunteers/me')).statusCode).toBe(401);
  });

  it('starts empty and not eligible, saves the form with Cyrillic names, shows the age group', async () => {
    const municipality = await buildMunicipality(t.db);
    const user = await buildUser(t.db, { role: 'volunteer' });
    const cookie = await login(user.email);
    const empty = (await t.request('GET', '/api/volunteers/me', { cookie })).json().profile;
    expect(empty.birthDate).toBeNull();
    expect(empty.eligibility).toEqual({
      canVolunteer: false,
      missing: ['profile_incomplete', 'consent_missing'],
    });

    const res = await t.request('PUT', '/api/volunteers/me', {
      cookie,
      body: form({ municipalityId: municipality.id }),
    });
    expect(res.statusCode).toBe(200);
    const p = res.json().profile;
    expect(p).toMatchObject({
      fullName: 'Анна-Мария Щукина',
      age: 36,
      ageGroup: '36-54',
      isMinor: false,
      skills: ['first_aid', 'driving'],
      skillTags: ['квадрокоптер'],
      homePoint: { lat: 55.35, lon: 86.08 },
      municipalityId: municipality.id,
    });
    expect(p.eligibility.missing).toEqual(['consent_missing']);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'volunteer.profile_updated')
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ fields: expect.arrayContaining(['full_name', 'birth_date']) });
  });

  it("counts age on the region's date: 14 in Kemerovo at 03:00 while UTC still says 13", async () => {
    await buildMunicipality(t.db); // the region: Kuzbass time, UTC+7
    const cookie = await login((await buildUser(t.db, { role: 'volunteer' })).email);
    t.clock.set(new Date('2026-11-24T20:00:00Z')); // 25 November, 03:00 in Kemerovo
    try {
      const res = await t.request('PUT', '/api/volunteers/me', {
        cookie,
        body: form({ birthDate: '2012-11-25' }),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().profile.ageGroup).toBe('14-17');
      t.clock.set(new Date('2026-11-24T16:00:00Z')); // 23:00 on the 24th in Kemerovo: still 13
      const early = await t.request('PUT', '/api/volunteers/me', {
        cookie,
        body: form({ birthDate: '2012-11-25' }),
      });
      expect(early.statusCode).toBe(400);
    } finally {
      t.clock.set(new Date('2026-11-24T10:00:00Z'));
    }
  });

  it('refuses under 14, a future birth date and unknown codes with field errors, writing nothing', async () => {
    const user = await buildUser(t.db, { role: 'volunteer' });
    const cookie = await login(user.email);
    const young = await t.request('PUT', '/api/volunteers/me', {
      cookie,
      body: form({ birthDate: '2013-01-01' }),
      headers: { 'accept-language': 'ru' },
    });
    expect(young.statusCode).toBe(400);
    expect(young.headers['content-type']).toContain('application/problem+json');
    expect(young.json().errors).toEqual([
      expect.objectContaining({
        field: 'birthDate',
        code: 'below_volunteer_age',
        message: 'Волонтёром можно стать с 14 лет.',
      }),
    ]);
    const future = await t.request('PUT', '/api/volunteers/me', {
      cookie,
      body: form({ birthDate: '2030-01-01' }),
    });
    expect(future.json().errors[0].code).toBe('birth_date_in_future');
    const unknown = await t.request('PUT', '/api/volunteers/me', {
      cookie,
      body: form({ skills: ['juggling'], municipalityId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'unknown_skill',
      'unknown_municipality',
    ]);
    const malformed = await t.request('PUT', '/api/volunteers/me', {
      cookie,
      body: form({ skills: 'first_aid' }),
    });
    expect(malformed.statusCode).toBe(400);
    const row = await t.db
      .selectFrom('volunteer_profiles')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

describe('visibility', () => {
  it('own centre sees the working profile, other centres only the chosen fields, others nothing', async () => {
    const own = await buildCenter(t.db);
    const other = await buildCenter(t.db);
    const volunteer = await buildUser(t.db, { role: 'volunteer' });
    const vCookie = await login(volunteer.email);
    await t.request('PUT', '/api/volunteers/me', { cookie: vCookie, body: form({ homeCenterId: own.id }) });

    const ownCoord = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: own.id })).email,
    );
    const otherCoord = await login(
      (await buildUser(t.db, { role: 'center_coordinator', scopeId: other.id })).email,
    );
    const stranger = await login((await buildUser(t.db, { role: 'volunteer' })).email);
    const url = `/api/volunteers/${volunteer.id}`;

    const full = await t.request('GET', url, { cookie: ownCoord });
    expect(full.statusCode).toBe(200);
    expect(full.json().profile).toMatchObject({
      access: 'own_center',
      fullName: 'Анна-Мария Щукина',
      ageGroup: '36-54',
      profession: 'инженер',
      about: 'Люблю походы.',
    });
    expect(JSON.stringify(full.json())).not.toMatch(/1990-05-20|55\.35/);

    const limited = (await t.request('GET', url, { cookie: otherCoord })).json().profile;
    expect(limited).toMatchObject({
      access: 'other_center',
      fullName: 'Анна-Мария Щукина',
      skills: ['first_aid', 'driving'],
      ageGroup: null,
      profession: null,
      about: null,
      languages: null,
      availability: null,
    });

    expect((await t.request('GET', url, { cookie: stranger })).statusCode).toBe(404);
    expect((await t.request('GET', url)).statusCode).toBe(401);

    // The volunteer hides the name from other centres.
    await t.request('PUT', '/api/volunteers/me', {
      cookie: vCookie,
      body: form({ homeCenterId: own.id, visibleFields: ['age_group'] }),
    });
    const after = (await t.request('GET', url, { cookie: otherCoord })).json().profile;
    expect(after.fullName).toBeNull();
    expect(after.skills).toBeNull();
    expect(after.ageGroup).toBe('36-54');
    const views = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'volunteer.profile_viewed')
      .where('entity_id', '=', volunteer.id)
      .execute();
    expect(views.length).toBeGreaterThanOrEqual(3);
  });

  it('the public catalogue has no personal data endpoint for volunteers', async () => {
    const res = await t.request('GET', '/api/public/volunteers');
    expect(res.statusCode).toBe(404);
  });
});
