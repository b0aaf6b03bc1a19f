import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipalChange,
  buildMunicipality,
  buildRegion,
} from '../../../../test/support/factories.js';
import { seedServiceKinds } from '../../seed/service-kinds.js';
import { resolveShapes } from './shapes.js';

let t: TestPlatform;
let regionId: string;
const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});
const setShape = (id: string, x: number, source: 'schematic' | 'loaded' = 'loaded') =>
  t.db
    .updateTable('municipalities')
    .set({ shape: JSON.stringify(square(x, 54)), shape_source: source })
    .where('id', '=', id)
    .execute();

beforeAll(async () => {
  t = await createTestPlatform();
  await seedServiceKinds(t.db);
  regionId = (await buildRegion(t.db)).id;
});
afterAll(async () => {
  await t.close();
});

describe('shapes through the lineage (pure)', () => {
  it('own shape wins; a merged successor is drawn from its predecessors; a converted one passes forward', () => {
    const rows = [
      { id: 'A', shape: square(0, 0), shape_source: 'loaded' as const },
      { id: 'B', shape: square(2, 0), shape_source: 'schematic' as const },
      { id: 'AB', shape: null, shape_source: null },
      { id: 'OLD', shape: null, shape_source: null },
      { id: 'NEW', shape: square(5, 0), shape_source: 'loaded' as const },
      { id: 'LOST', shape: null, shape_source: null },
    ];
    const links = [
      { predecessor_id: 'A', successor_id: 'AB' },
      { predecessor_id: 'B', successor_id: 'AB' },
      { predecessor_id: 'OLD', successor_id: 'NEW' },
    ];
    const out = new Map(resolveShapes(rows, links).map((s) => [s.municipalityId, s]));
    expect(out.get('A')).toMatchObject({ source: 'loaded', schematic: false });
    expect(out.get('AB')).toMatchObject({ source: 'derived', schematic: true });
    expect(out.get('AB')?.geometry.type).toBe('MultiPolygon');
    expect(out.get('AB')?.geometry.coordinates).toHaveLength(2);
    expect(out.get('OLD')).toMatchObject({ source: 'derived', geometry: square(5, 0) });
    expect(out.has('LOST')).toBe(false);
  });
});

describe('GET /api/public/municipality-shapes', () => {
  it('serves own and derived shapes in one response with an ETag; a repeat with If-None-Match is 304', async () => {
    const a = await buildMunicipality(t.db, { regionId, effective_to: '2024-01-01' });
    const b = await buildMunicipality(t.db, { regionId, effective_to: '2024-01-01' });
    const merged = await buildMunicipality(t.db, { regionId, effective_from: '2024-01-01' });
    await setShape(a.id, 80);
    await setShape(b.id, 82);
    await buildMunicipalChange(t.db, {
      predecessorIds: [a.id, b.id],
      successorId: merged.id,
      effectiveOn: '2024-01-01',
    });

    const res = await t.request('GET', '/api/public/municipality-shapes');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age=60');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const items = new Map(res.json().items.map((s: { municipalityId: string }) => [s.municipalityId, s]));
    expect(items.get(a.id)).toMatchObject({ source: 'loaded', schematic: false, geometry: square(80, 54) });
    expect(items.get(merged.id)).toMatchObject({ source: 'derived', geometry: { type: 'MultiPolygon' } });

    const again = await t.request('GET', '/api/public/municipality-shapes', {
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await setShape(merged.id, 90);
    const changed = await t.request('GET', '/api/public/municipality-shapes', {
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe('coverage states for the map', () => {
  it('covered / in progress / none per municipality, on today and on a past day', async () => {
    const covered = await buildMunicipality(t.db, { regionId, effective_from: '2020-01-01' });
    const applying = await buildMunicipality(t.db, { regionId, effective_from: '2020-01-01' });
    const empty = await buildMunicipality(t.db, { regionId, effective_from: '2020-01-01' });
    const late = await buildMunicipality(t.db, { regionId, effective_from: '2030-01-01' });
    await buildCenter(t.db, { municipalityId: covered.id });
    await buildCenter(t.db, { municipalityId: applying.id, status: 'suspended' });
    await buildApplication(t.db, { municipalityId: applying.id, stage: 'submitted' });
    const states = async (on?: string) =>
      new Map(
        (await t.request('GET', `/api/public/municipalities${on ? `?on=${on}` : ''}`))
          .json()
          .items.map((m: { id: string; coverage: string }) => [m.id, m.coverage]),
      );
    const today = await states();
    expect(today.get(covered.id)).toBe('covered');
    expect(today.get(applying.id)).toBe('in_progress');
    expect(today.get(empty.id)).toBe('none');
    expect(today.has(late.id)).toBe(false);
    expect((await states('2030-06-01')).get(late.id)).toBe('none');
    expect((await states('2019-06-01')).has(covered.id)).toBe(false);
  });
});

describe('GET /api/public/centers filters and the service vocabulary', () => {
  it('filters by service, by name of centre or organization, and by municipality together', async () => {
    const m = await buildMunicipality(t.db, { regionId, slug: 'filter-town' });
    const one = await buildCenter(t.db, { municipalityId: m.id, name: 'Добро.Центр «Маяк»' });
    const two = await buildCenter(t.db, { name: 'Добро.Центр «Парус»' });
    const three = await buildCenter(t.db, { name: 'Центр 100% добра_' });
    await t.db
      .updateTable('centers')
      .set({ services: ['training', 'coworking'] })
      .where('id', '=', one.id)
      .execute();
    await t.db
      .updateTable('centers')
      .set({ services: ['training'] })
      .where('id', '=', two.id)
      .execute();
    const ids = async (query: string) =>
      (await t.request('GET', `/api/public/centers?${query}`)).json().items.map((c: { id: string }) => c.id);

    expect((await ids('service=training')).sort()).toEqual([one.id, two.id].sort());
    expect(await ids('service=coworking')).toEqual([one.id]);
    expect(await ids('q=маяк')).toEqual([one.id]);
    expect(await ids('q=100%25')).toEqual([three.id]);
    expect(await ids('q=_')).toEqual([three.id]);
    expect(await ids('service=training&municipality=filter-town')).toEqual([one.id]);
    expect(await ids('service=training&q=парус')).toEqual([two.id]);

    const org = await t.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', two.organization_id)
      .executeTakeFirstOrThrow();
    expect(await ids(`q=${encodeURIComponent(org.name)}`)).toEqual([two.id]);

    const first = (await t.request('GET', '/api/public/centers?service=coworking')).json().items[0];
    expect(first).toMatchObject({ services: ['training', 'coworking'], phone: null, openingHours: null });
  });

  it('lists the service vocabulary in order with names in both languages', async () => {
    const res = await t.request('GET', '/api/public/service-kinds');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items[0]).toEqual({ code: 'consultations', nameRu: 'Консультации', nameEn: 'Consultations' });
    expect(items.map((k: { code: string }) => k.code)).toContain('help_desk');
  });
});
