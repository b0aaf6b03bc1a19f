import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { CONSENT_VERSION, seedVolunteerDefaults } from '../../seed/volunteers-defaults.js';

let t: TestPlatform;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
type Item = { purpose: string; version: string; active: boolean; renewalNeeded: boolean; given: unknown };
const item = (body: { items: Item[] }, purpose: string) =>
  body.items.find((i) => i.purpose === purpose) as Item;

async function volunteer(birthDate = '1995-03-10') {
  const user = await buildUser(t.db, { role: 'volunteer' });
  const cookie = await login(user.email);
  await t.db.insertInto('volunteer_profiles').values({ user_id: user.id, birth_date: birthDate }).execute();
  return { user, cookie };
}
const give = (cookie: string, purpose: string, extra: Record<string, unknown> = {}) =>
  t.request('POST', '/api/volunteers/me/consents', {
    cookie,
    body: { purpose, version: CONSENT_VERSION, agreed: true, ...extra },
  });

beforeAll(async () => {
  t = await createTestPlatform();
  await seedVolunteerDefaults(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('consents per purpose', () => {
  it('lists each purpose as its own document, none pre-given', async () => {
    const { cookie } = await volunteer();
    const res = await t.request('GET', '/api/volunteers/me/consents', { cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: Item) => i.purpose)).toEqual([
      'volunteering',
      'guardian_consent',
      'newsletters',
      'publication',
      'partner_transfer',
    ]);
    expect(body.items.every((i: Item) => i.given === null && !i.active)).toBe(true);
    expect(item(body, 'volunteering')).toMatchObject({ required: true, version: CONSENT_VERSION });
    expect(body.eligibility.missing).toEqual(['consent_missing']);
  });

  it('gives one purpose at a time, explicitly, recorded with time, IP and text version', async () => {
    const { user, cookie } = await volunteer();
    const refused = await give(cookie, 'volunteering', { agreed: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('consent_not_agreed');

    const res = await give(cookie, 'volunteering');
    expect(res.statusCode).toBe(200);
    expect(item(res.json(), 'volunteering').active).toBe(true);
    expect(item(res.json(), 'newsletters').active).toBe(false);
    expect(res.json().eligibility).toEqual({ canVolunteer: true, missing: [] });

    // Giving it again changes nothing.
    await give(cookie, 'volunteering');
    const rows = await t.db.selectFrom('consents').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'volunteering', version: CONSENT_VERSION, withdrawn_at: null });
    expect(rows[0]?.given_at.toISOString()).toBe(t.clock.now().toISOString());
    expect(rows[0]?.ip).toBeTruthy();
    const audit = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'consent.given')
      .where('actor_id', '=', user.id)
      .execute();
    expect(audit).toHaveLength(1);

    const stale = await give(cookie, 'newsletters', { version: '2020-01-01' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('consent_version_outdated');
  });

  it('declining or withdrawing an optional consent never blocks volunteering; withdrawing the main one does', async () => {
    const { cookie } = await volunteer();
    await give(cookie, 'volunteering');
    await give(cookie, 'newsletters');
    const w = await t.request('POST', '/api/volunteers/me/consents/newsletters/withdraw', { cookie });
    expect(w.statusCode).toBe(200);
    expect(item(w.json(), 'newsletters')).toMatchObject({ active: false });
    expect((item(w.json(), 'newsletters').given as { withdrawnAt: string }).withdrawnAt).toBeTruthy();
    expect(w.json().eligibility.canVolunteer).toBe(true);

    const main = await t.request('POST', '/api/volunteers/me/consents/volunteering/withdraw', { cookie });
    expect(main.json().eligibility).toEqual({ canVolunteer: false, missing: ['consent_missing'] });
    expect(
      (await t.request('POST', '/api/volunteers/me/consents/bogus/withdraw', { cookie })).statusCode,
    ).toBe(400);
  });

  it('a new version of the text asks again', async () => {
    const { cookie } = await volunteer();
    await give(cookie, 'volunteering');
    await t.db
      .insertInto('consent_documents')
      .values({
        purpose: 'volunteering',
        version: '2026-11-20',
        title_ru: 'Согласие (ред. 2)',
        title_en: 'Consent (rev. 2)',
        text_ru: 'Новый текст.',
        text_en: 'New text.',
        required: true,
        published_at: new Date('2026-11-20T00:00:00Z'),
      })
      .execute();
    try {
      const list = (await t.request('GET', '/api/volunteers/me/consents', { cookie })).json();
      expect(item(list, 'volunteering')).toMatchObject({
        version: '2026-11-20',
        active: false,
        renewalNeeded: true,
      });
      expect(list.eligibility.missing).toEqual(['consent_outdated']);
      const again = await give(cookie, 'volunteering', { version: '2026-11-20' });
      expect(item(again.json(), 'volunteering')).toMatchObject({ active: true, renewalNeeded: false });
      expect(again.json().eligibility.canVolunteer).toBe(true);
    } finally {
      await t.db.deleteFrom('consent_documents').where('version', '=', '2026-11-20').execute();
    }
  });
});

describe('guardian consent for minors', () => {
  it('a 14–17-year-old needs it recorded with the guardian’s name and contact', async () => {
    const { user, cookie } = await volunteer('2010-02-01');
    await give(cookie, 'volunteering');
    const list = (await t.request('GET', '/api/volunteers/me/consents', { cookie })).json();
    expect(list.isMinor).toBe(true);
    expect(list.eligibility.missing).toEqual(['guardian_consent_missing']);

    const missing = await give(cookie, 'guardian_consent');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('guardian_details_required');

    const res = await give(cookie, 'guardian_consent', {
      guardian: { name: 'Ольга Петровна Иванова', contact: '+7 905 123-45-67', relation: 'parent' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().eligibility).toEqual({ canVolunteer: true, missing: [] });
    expect(item(res.json(), 'guardian_consent').given).toMatchObject({
      guardian: { name: 'Ольга Петровна Иванова', relation: 'parent' },
    });
    // The row the signups feature checks: purpose guardian_consent, not withdrawn.
    const row = await t.db
      .selectFrom('consents')
      .innerJoin('guardian_consents as g', 'g.consent_id', 'consents.id')
      .select(['consents.withdrawn_at', 'g.guardian_contact'])
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'guardian_consent')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ withdrawn_at: null, guardian_contact: '+7 905 123-45-67' });

    await t.request('POST', '/api/volunteers/me/consents/guardian_consent/withdraw', { cookie });
    const after = (await t.request('GET', '/api/volunteers/me/consents', { cookie })).json();
    expect(after.eligibility.missing).toEqual(['guardian_consent_missing']);
  });

  it('an adult needs no guardian', async () => {
    const { cookie } = await volunteer('2008-11-24');
    const res = await give(cookie, 'volunteering');
    expect(res.json().isMinor).toBe(false);
    expect(res.json().eligibility.canVolunteer).toBe(true);
  });
});
