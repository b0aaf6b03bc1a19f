import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipalChange,
  buildMunicipality,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';

let t: TestPlatform;
let regionId: string;
let adminId: string;
let adminCookie: string;

const login = async (email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));
const record = (body: unknown, cookie: string | null = adminCookie) =>
  t.request('POST', '/api/admin/municipal-changes', { body, cookie });
type Item = { slug: string; coverage: string; activeCenters: number; applicationsInProgress: number };
const onDay = async (day: string): Promise<Record<string, Item>> =>
  Object.fromEntries(
    ((await t.request('GET', `/api/public/municipalities?on=${day}`)).json().items as Item[]).map((m) => [
      m.slug,
      m,
    ]),
  );
const municipality = (id: string) =>
  t.db.selectFrom('municipalities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const countChanges = async () =>
  (await t.db.selectFrom('municipality_changes').select('id').execute()).length;
const newOkrug = (slug: string) => ({
  slug,
  nameRu: 'Новый муниципальный округ',
  nameEn: 'New Municipal Okrug',
  kind: 'municipal_okrug',
  adminCenterRu: 'пгт Новый',
  lat: 53.5,
  lon: 87.9,
  population: 12000,
  oktmo: '32521000',
});

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  adminId = admin.id;
  adminCookie = await login(admin.email);
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/admin/municipal-changes', () => {
  it('anonymous → 401; a coordinator or the admin of another region → 403; nothing is written', async () => {
    const m = await buildMunicipality(t.db, { regionId, slug: 'auth-a' });
    const body = { kind: 'abolition', effectiveOn: '2025-06-01', predecessorIds: [m.id] };
    expect((await record(body, null)).statusCode).toBe(401);
    const center = await buildCenter(t.db, { municipalityId: m.id });
    const coordinator = await buildUser(t.db, { role: 'center_coordinator', scopeId: center.id });
    expect((await record(body, await login(coordinator.email))).statusCode).toBe(403);
    const other = await buildRegion(t.db, { slug: 'other-region' });
    const stranger = await buildUser(t.db, { role: 'regional_admin', scopeId: other.id });
    const res = await record(body, await login(stranger.email));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect(await countChanges()).toBe(0);
    expect((await municipality(m.id)).effective_to).toBeNull();
  });

  it('a merger into an existing okrug: the old one is covered before the date, from it the successor counts its centre', async () => {
    const krasnobrodsky = await buildMunicipality(t.db, {
      regionId,
      slug: 'krasnobrodsky',
      population: 13000,
    });
    const prokopyevsky = await buildMunicipality(t.db, {
      regionId,
      slug: 'prokopyevsky-mo',
      kind: 'municipal_okrug',
      population: 30000,
    });
    await buildCenter(t.db, { municipalityId: krasnobrodsky.id });
    await buildApplication(t.db, { municipalityId: krasnobrodsky.id, stage: 'preparation' });

    const res = await record({
      kind: 'merger',
      effectiveOn: '2025-06-01',
      legalBasis: '  Закон Кемеровской области   (тестовый)  ',
      comment: 'Краснобродский городской округ вошёл в Прокопьевский муниципальный округ',
      predecessorIds: [krasnobrodsky.id],
      successor: { existingId: prokopyevsky.id },
    });
    expect(res.statusCode).toBe(201);
    const change = res.json().change;
    expect(change).toMatchObject({
      kind: 'merger',
      effectiveOn: '2025-06-01',
      legalBasis: 'Закон Кемеровской области (тестовый)',
      predecessors: [{ id: krasnobrodsky.id, slug: 'krasnobrodsky' }],
      successor: { id: prokopyevsky.id, slug: 'prokopyevsky-mo' },
    });

    expect((await municipality(krasnobrodsky.id)).effective_to).toBe('2025-06-01');
    expect(await municipality(prokopyevsky.id)).toMatchObject({ effective_to: null, predecessor_id: null });
    const lineage = await t.db
      .selectFrom('municipality_lineage')
      .selectAll()
      .where('change_id', '=', change.id)
      .execute();
    expect(lineage).toEqual([
      { change_id: change.id, predecessor_id: krasnobrodsky.id, successor_id: prokopyevsky.id },
    ]);

    const before = await onDay('2025-05-31');
    expect(before.krasnobrodsky).toMatchObject({
      coverage: 'covered',
      activeCenters: 1,
      applicationsInProgress: 1,
    });
    expect(before['prokopyevsky-mo']).toMatchObject({ coverage: 'none', activeCenters: 0 });
    const after = await onDay('2025-06-01');
    expect(after.krasnobrodsky).toBeUndefined();
    expect(after['prokopyevsky-mo']).toMatchObject({
      coverage: 'covered',
      activeCenters: 1,
      applicationsInProgress: 1,
    });

    // Today (the test clock is in 2026) the centre is listed under the okrug, found by either slug.
    for (const slug of ['prokopyevsky-mo', 'krasnobrodsky']) {
      const centers = (await t.request('GET', `/api/public/centers?municipality=${slug}`)).json().items;
      expect(centers.map((c: { municipality: { id: string } }) => c.municipality.id)).toEqual([
        prokopyevsky.id,
      ]);
    }

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'municipality.changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: adminId,
      entity: 'municipality_change',
      entity_id: change.id,
    });
    expect(audit[0]?.data).toMatchObject({ kind: 'merger', predecessorIds: [krasnobrodsky.id] });
  });

  it('a conversion with a new successor: the district ends, the okrug starts that day and takes its centre', async () => {
    const district = await buildMunicipality(t.db, { regionId, slug: 'conv-md', kind: 'municipal_district' });
    await buildCenter(t.db, { municipalityId: district.id });
    const res = await record({
      kind: 'conversion',
      effectiveOn: '2025-04-23',
      predecessorIds: [district.id],
      successor: { new: newOkrug('conv-mo') },
    });
    expect(res.statusCode).toBe(201);
    const { change } = res.json();
    expect(change.successor).toMatchObject({ slug: 'conv-mo', nameRu: 'Новый муниципальный округ' });
    const okrug = await municipality(change.successor.id);
    expect(okrug).toMatchObject({
      kind: 'municipal_okrug',
      effective_from: '2025-04-23',
      effective_to: null,
      predecessor_id: district.id,
      oktmo: '32521000',
      population: 12000,
    });
    expect((await municipality(district.id)).effective_to).toBe('2025-04-23');
    expect((await onDay('2025-04-22'))['conv-md']).toMatchObject({ coverage: 'covered', activeCenters: 1 });
    const after = await onDay('2025-04-23');
    expect(after['conv-md']).toBeUndefined();
    expect(after['conv-mo']).toMatchObject({ coverage: 'covered', activeCenters: 1 });
  });

  it('two operators recording the same change at once: one wins, the other is refused (rows are locked)', async () => {
    const a = await buildMunicipality(t.db, { regionId, slug: 'race-a' });
    const b = await buildMunicipality(t.db, { regionId, slug: 'race-b' });
    const body = {
      kind: 'merger',
      effectiveOn: '2025-09-01',
      predecessorIds: [a.id],
      successor: { existingId: b.id },
    };
    const results = await Promise.all([record(body), record(body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409)?.json();
    expect(loser.errors).toEqual([
      expect.objectContaining({ field: 'predecessorIds.0', code: 'not_in_force' }),
    ]);
    const lineage = await t.db
      .selectFrom('municipality_lineage')
      .selectAll()
      .where('predecessor_id', '=', a.id)
      .execute();
    expect(lineage).toHaveLength(1);
  });
});

describe('GET /api/public/municipal-changes', () => {
  it('lists every change newest first, with predecessor and successor names in both languages', async () => {
    const x = await buildMunicipality(t.db, { regionId, slug: 'list-x', name_ru: 'Икс' });
    const y = await buildMunicipality(t.db, { regionId, slug: 'list-y', name_ru: 'Игрек' });
    const z = await buildMunicipality(t.db, { regionId, slug: 'list-z', name_ru: 'Зет' });
    const gone = await buildMunicipality(t.db, { regionId, slug: 'list-gone', name_ru: 'Упразднённый' });
    const merger = await record({
      kind: 'merger',
      effectiveOn: '2026-01-01',
      predecessorIds: [x.id, y.id],
      successor: { new: newOkrug('list-new') },
    });
    expect(merger.statusCode).toBe(201);
    expect(merger.json().change.successor).toMatchObject({ slug: 'list-new' });
    // A merger into a new okrug does not name a single predecessor on the new row.
    expect((await municipality(merger.json().change.successor.id)).predecessor_id).toBeNull();
    const abolition = await record({
      kind: 'abolition',
      effectiveOn: '2026-03-01',
      comment: 'упразднён',
      predecessorIds: [gone.id],
    });
    expect(abolition.statusCode).toBe(201);
    await buildMunicipalChange(t.db, {
      predecessorIds: [z.id],
      successorId: x.id,
      effectiveOn: '2020-01-01',
    });

    const res = await t.request('GET', '/api/public/municipal-changes', { cookie: null });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      kind: string;
      effectiveOn: string;
      comment: string | null;
      predecessors: { slug: string; nameRu: string; nameEn: string }[];
      successor: { slug: string; nameEn: string } | null;
    }[];
    const days = items.map((i) => i.effectiveOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2026-03-01');
    expect(items[0]).toMatchObject({
      kind: 'abolition',
      comment: 'упразднён',
      predecessors: [{ slug: 'list-gone', nameRu: 'Упразднённый', nameEn: 'Municipality list-gone' }],
      successor: null,
    });
    expect(items[1]).toMatchObject({ kind: 'merger', effectiveOn: '2026-01-01' });
    expect(items[1]?.predecessors.map((p) => p.slug).sort()).toEqual(['list-x', 'list-y']);
    expect(items[1]?.successor).toMatchObject({ slug: 'list-new', nameEn: 'New Municipal Okrug' });
    expect(items.at(-1)).toMatchObject({
      effectiveOn: '2020-01-01',
      predecessors: [{ slug: 'list-z' }],
      successor: { slug: 'list-x' },
    });
  });
});
