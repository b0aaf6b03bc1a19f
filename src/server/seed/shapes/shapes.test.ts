import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { seedAll } from '../seed.js';
import { parseShapes, ShapesError } from './geojson.js';
import schematic from './kuzbass-schematic.json' with { type: 'json' };
import { loadShapesFromText } from './load-shapes.js';

let t: TestPlatform;
const now = new Date('2026-11-24T10:00:00Z');
const opts = { today: '2026-11-24', now };
const ring = (x: number, y: number) => [
  [x, y],
  [x + 0.1, y],
  [x + 0.1, y + 0.1],
  [x, y],
];
const feature = (properties: Record<string, unknown>, x = 86) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [ring(x, 55)] },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const shapeOf = (slug: string) =>
  t.db
    .selectFrom('municipalities')
    .select(['shape', 'shape_source'])
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestPlatform();
  await seedAll(t.db, t.clock, { demo: false });
});
afterAll(async () => {
  await t.close();
});

describe('the seeded schematic shapes', () => {
  it('give every Kuzbass municipality a schematic shape; the old district is drawn from its successor', async () => {
    expect(schematic.features).toHaveLength(34);
    const rows = await t.db.selectFrom('municipalities').select(['slug', 'shape_source']).execute();
    const withShape = rows.filter((r) => r.shape_source === 'schematic');
    expect(withShape).toHaveLength(34);
    const res = (await t.request('GET', '/api/public/municipality-shapes')).json();
    expect(res.items).toHaveLength(rows.length);
    expect(res.items.every((s: { schematic: boolean }) => s.schematic)).toBe(true);
    const inForce = (await t.request('GET', '/api/public/municipalities')).json().items;
    const ids = new Set(res.items.map((s: { municipalityId: string }) => s.municipalityId));
    expect(inForce.every((m: { id: string }) => ids.has(m.id))).toBe(true);
  });

  it('seeding again leaves the shapes alone', async () => {
    const before = await shapeOf('kemerovo');
    await seedAll(t.db, t.clock, { demo: false });
    expect(await shapeOf('kemerovo')).toEqual(before);
  });
});

describe('dobroset shapes load', () => {
  it('refuses invalid GeoJSON with a message naming the problem', () => {
    const fail = (text: string) => {
      try {
        parseShapes(text);
      } catch (error) {
        expect(error).toBeInstanceOf(ShapesError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(fail('{nope')).toMatch(/not valid JSON/);
    expect(fail('{"type":"Topology"}')).toMatch(/FeatureCollection or Feature, found "Topology"/);
    expect(fail(collection())).toMatch(/no features/);
    expect(
      fail(collection({ ...feature({ name: 'A' }), geometry: { type: 'Point', coordinates: [1, 2] } })),
    ).toMatch(/Feature 0 \(A\): geometry type Point is not supported/);
    const open = feature({ name: 'Open' });
    open.geometry.coordinates = [
      [
        [86, 55],
        [86.1, 55],
        [86.1, 55.1],
        [86.2, 55.2],
      ],
    ];
    expect(fail(collection(open))).toMatch(/not closed/);
    const swapped = feature({ name: 'Far' });
    swapped.geometry.coordinates = [
      [
        [86, 155],
        [86.1, 55],
        [86.1, 55.1],
        [86, 155],
      ],
    ];
    expect(fail(collection(swapped))).toMatch(/not a WGS 84 longitude\/latitude/);
    expect(fail(collection(feature({}), { type: 'Feature', properties: {}, geometry: null }))).toMatch(
      /Feature 1 \(no name\): the geometry is missing/,
    );
  });

  it('matches by OKTMO, slug or Russian name, reports unmatched features, writes and audits', async () => {
    await t.db
      .updateTable('municipalities')
      .set({ oktmo: '32701000' })
      .where('slug', '=', 'kemerovo')
      .execute();
    const text = collection(
      feature({ OKTMO: '32701000001', name: 'Кемерово' }, 86.0),
      feature({ slug: 'yurga' }, 84.9),
      feature({ name: 'Таштагольский  муниципальный ОКРУГ' }, 87.8),
      feature({ name: 'Атлантида' }, 10),
    );
    const dry = await loadShapesFromText(t.db, text, { ...opts, dryRun: true });
    expect(dry.unmatched).toEqual([{ feature: 3, label: 'Атлантида' }]);
    expect((await shapeOf('yurga')).shape_source).toBe('schematic');

    const report = await loadShapesFromText(t.db, text, opts);
    expect(report.matched.map((m) => m.municipalities)).toEqual([
      ['Кемеровский городской округ'],
      ['Юргинский городской округ'],
      ['Таштагольский муниципальный округ'],
    ]);
    expect(report.withoutShape).toEqual([]);
    expect(await shapeOf('kemerovo')).toMatchObject({
      shape_source: 'loaded',
      shape: { type: 'Polygon', coordinates: [ring(86.0, 55)] },
    });
    expect((await shapeOf('tashtagolsky-mo')).shape_source).toBe('loaded');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['data'])
      .where('action', '=', 'municipality.shapes_loaded')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toMatchObject({ municipalities: 3, unmatchedFeatures: ['Атлантида'] });
    // The loaded shape is not schematic any more; the others still are.
    const shapes = (await t.request('GET', '/api/public/municipality-shapes')).json().items;
    const kemerovo = await t.db
      .selectFrom('municipalities')
      .select('id')
      .where('slug', '=', 'kemerovo')
      .executeTakeFirstOrThrow();
    expect(shapes.find((s: { municipalityId: string }) => s.municipalityId === kemerovo.id)).toMatchObject({
      source: 'loaded',
      schematic: false,
    });
  });

  it('refuses a file in which nothing matches and writes nothing', async () => {
    const before = await shapeOf('belovo');
    await expect(loadShapesFromText(t.db, collection(feature({ name: 'Нигде' })), opts)).rejects.toThrow(
      /No feature matched .*«Нигде».*Nothing was loaded/,
    );
    expect(await shapeOf('belovo')).toEqual(before);
  });
});
