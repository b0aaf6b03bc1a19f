/**
 * Lost updates: two people edit the same centre profile or opportunity from the same version. Exactly
 * one edit wins; the other is told (412) instead of silently overwriting or being overwritten, and can
 * reload and apply its change on top. GET carries the ETag the edit sends back as If-Match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedServiceKinds } from '../../src/server/seed/service-kinds.js';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../support/app.js';
import { buildCenter, buildRegion, buildUser, TEST_PASSWORD } from '../support/factories.js';

let t: TestPlatform;
let center: { id: string };
let coordinator: string;
let operator: string;
const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

beforeAll(async () => {
  t = await createTestPlatform();
  await seedServiceKinds(t.db);
  const regionId = (await buildRegion(t.db)).id;
  center = await buildCenter(t.db);
  coordinator = await login(
    (await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id })).email,
  );
  operator = await login((await buildUser(t.db, { role: 'regional_admin', scopeId: regionId })).email);
});
afterAll(async () => {
  await t.close();
});

const patch = (url: string, body: unknown, cookie: string, ifMatch?: string) =>
  t.request('PATCH', url, { cookie, body, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

describe('centre profile', () => {
  const profileUrl = () => `/api/centers/${center.id}/profile`;
  const current = async () => {
    const res = await t.request('GET', `/api/public/centers/${center.id}`);
    expect(res.statusCode).toBe(200);
    return { etag: res.headers.etag as string, center: res.json().center };
  };

  it('GET carries a strong ETag equal to the version in the body', async () => {
    const { etag, center: c } = await current();
    expect(c.version).toBe(1);
    expect(etag).toBe('"1"');
  });

  it('two edits from the same version at once: exactly one 200, the other 412; nothing is lost', async () => {
    const { etag } = await current();
    const [a, b] = await Promise.all([
      patch(profileUrl(), { phone: '+7 (3842) 11-22-33' }, coordinator, etag),
      patch(profileUrl(), { description: 'Помогаем НКО и волонтёрам' }, operator, etag),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(won.headers.etag).toBe('"2"');
    expect(won.json().center.version).toBe(2);
    expect(lost.headers['content-type']).toContain('application/problem+json');
    expect(lost.json().code).toBe('edit_conflict');
    expect(lost.headers.etag).toBe('"2"');
    // The refused edit changed nothing; after reloading, it is applied on top of the winner's.
    const lostBody =
      lost === a ? { phone: '+7 (3842) 11-22-33' } : { description: 'Помогаем НКО и волонтёрам' };
    const reloaded = await current();
    expect(reloaded.etag).toBe('"2"');
    const retried = await patch(profileUrl(), lostBody, lost === a ? coordinator : operator, reloaded.etag);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().center).toMatchObject({
      phone: '+7 (3842) 11-22-33',
      description: 'Помогаем НКО и волонтёрам',
      version: 3,
    });
  });

  it('a stale If-Match is refused with 412 and the record stays as it was', async () => {
    const before = await current();
    const res = await patch(profileUrl(), { openingHours: 'Пн–Пт 9–18' }, coordinator, '"1"');
    expect(res.statusCode).toBe(412);
    expect(res.json().code).toBe('edit_conflict');
    const after = await current();
    expect(after.center).toEqual(before.center);
  });

  it('If-Match may list several tags or be *; a weak tag never matches (strong comparison)', async () => {
    const { center: c } = await current();
    const listed = await patch(
      profileUrl(),
      { openingHours: 'Пн–Пт 9–17' },
      coordinator,
      `"0", "${c.version}"`,
    );
    expect(listed.statusCode).toBe(200);
    const weak = await patch(
      profileUrl(),
      { openingHours: 'Пн–Пт 9–16' },
      coordinator,
      `W/"${c.version + 1}"`,
    );
    expect(weak.statusCode).toBe(412);
    const any = await patch(profileUrl(), { openingHours: 'Пн–Пт 9–15' }, coordinator, '*');
    expect(any.statusCode).toBe(200);
  });

  it('a malformed If-Match is a 400 problem, not ignored', async () => {
    const res = await patch(profileUrl(), { openingHours: 'Сб 10–14' }, coordinator, '3');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('if_match_invalid');
    expect((await current()).center.openingHours).not.toBe('Сб 10–14');
  });

  it('without If-Match the edit proceeds (API clients) and the version still moves', async () => {
    const { center: c } = await current();
    const res = await patch(profileUrl(), { openingHours: 'Вс выходной' }, coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.json().center.version).toBe(c.version + 1);
  });
});

describe('opportunity', () => {
  let id: string;
  beforeAll(async () => {
    const created = await t.request('POST', `/api/centers/${center.id}/opportunities`, {
      cookie: coordinator,
      body: { title: 'Субботник', description: 'Уборка парка' },
    });
    expect(created.statusCode).toBe(201);
    id = created.json().opportunity.id;
  });
  const current = async () => {
    const res = await t.request('GET', `/api/public/opportunities/${id}`, { cookie: coordinator });
    expect(res.statusCode).toBe(200);
    return { etag: res.headers.etag as string, opportunity: res.json().opportunity };
  };

  it('two edits from the same version at once: exactly one 200, the other 412; nothing is lost', async () => {
    const { etag, opportunity } = await current();
    expect(etag).toBe(`"${opportunity.version}"`);
    const [a, b] = await Promise.all([
      patch(`/api/opportunities/${id}`, { title: 'Субботник в парке' }, coordinator, etag),
      patch(`/api/opportunities/${id}`, { contact: 'Ирина, +7 900 000-00-00' }, operator, etag),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const lost = a.statusCode === 412 ? a : b;
    expect(lost.json().code).toBe('edit_conflict');
    const reloaded = await current();
    expect(reloaded.opportunity.version).toBe(opportunity.version + 1);
    const retried = await patch(
      `/api/opportunities/${id}`,
      lost === a ? { title: 'Субботник в парке' } : { contact: 'Ирина, +7 900 000-00-00' },
      lost === a ? coordinator : operator,
      reloaded.etag,
    );
    expect(retried.statusCode).toBe(200);
    expect(retried.json().opportunity).toMatchObject({
      title: 'Субботник в парке',
      contact: 'Ирина, +7 900 000-00-00',
    });
    expect(retried.headers.etag).toBe(`"${opportunity.version + 2}"`);
  });

  it('a wrong If-Match is refused with 412', async () => {
    const res = await patch(`/api/opportunities/${id}`, { title: 'Другое' }, coordinator, '"999"');
    expect(res.statusCode).toBe(412);
    expect((await current()).opportunity.title).not.toBe('Другое');
  });
});

describe('removing a work-log entry that changed meanwhile', () => {
  it('a removal from an older version is refused with 412 and the entry stays; from the current one it goes', async () => {
    const created = await t.request('POST', `/api/centers/${center.id}/work-log`, {
      cookie: coordinator,
      body: { kind: 'training', occurredOn: '2026-10-05', title: 'Обучение', quantity: 1 },
    });
    const entry = created.json().entry;
    const corrected = await patch(
      `/api/centers/${center.id}/work-log/${entry.id}`,
      { quantity: 3 },
      operator,
      `"${entry.version}"`,
    );
    expect(corrected.statusCode).toBe(200);
    const remove = (ifMatch: string) =>
      t.request('POST', `/api/centers/${center.id}/work-log/${entry.id}/remove`, {
        cookie: coordinator,
        body: { reason: 'ошибка' },
        headers: { 'if-match': ifMatch },
      });
    const stale = await remove(`"${entry.version}"`);
    expect(stale.statusCode).toBe(412);
    expect(stale.headers.etag).toBe(`"${entry.version + 1}"`);
    const row = await t.db
      .selectFrom('work_log_entries')
      .select(['deleted_at', 'quantity'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_at: null, quantity: 3 });
    expect((await remove(stale.headers.etag as string)).statusCode).toBe(200);
  });
});
