import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipalChange,
  buildMunicipality,
  buildRegion,
} from '../../../../test/support/factories.js';
import { localDay } from '../../../shared/time-zone.js';
import {
  countsOnDay,
  coverageState,
  indexLineage,
  municipalityOnDay,
  populationCoveredShare,
} from '../../lib/coverage.js';
import type { Actor, Grant } from '../../platform/auth/actor.js';
import { canRecordMunicipalChange } from './network.policy.js';

describe('coverage (pure)', () => {
  it('a municipality is covered by an active centre, in progress with an open application, else nothing', () => {
    expect(coverageState({ population: 1, active_centers: 1, applications_in_progress: 3 })).toBe('covered');
    expect(coverageState({ population: 1, active_centers: 0, applications_in_progress: 1 })).toBe(
      'in_progress',
    );
    expect(coverageState({ population: 1, active_centers: 0, applications_in_progress: 0 })).toBe('none');
  });

  it('population share counts only municipalities whose population is known', () => {
    // Hand-checked: covered 300 of known 300 + 600 = 1/3; the unknown one is left out.
    const share = populationCoveredShare([
      { population: 300, active_centers: 2, applications_in_progress: 0 },
      { population: 600, active_centers: 0, applications_in_progress: 1 },
      { population: null, active_centers: 1, applications_in_progress: 0 },
    ]);
    expect(share).toBeCloseTo(1 / 3, 10);
    expect(
      populationCoveredShare([{ population: null, active_centers: 1, applications_in_progress: 0 }]),
    ).toBeNull();
  });

  it('lineage carries a municipality to what it had become by the day, following chains', () => {
    // a → b on 2025-04-23 (conversion), b + c → d on 2026-01-01 (merger).
    const lineage = indexLineage([
      { predecessor_id: 'b', successor_id: 'd', effective_on: '2026-01-01' },
      { predecessor_id: 'a', successor_id: 'b', effective_on: '2025-04-23' },
      { predecessor_id: 'c', successor_id: 'd', effective_on: '2026-01-01' },
    ]);
    expect(municipalityOnDay('a', lineage, '2025-04-22')).toBe('a');
    expect(municipalityOnDay('a', lineage, '2025-04-23')).toBe('b');
    expect(municipalityOnDay('a', lineage, '2026-01-01')).toBe('d');
    expect(municipalityOnDay('c', lineage, '2025-12-31')).toBe('c');
    expect(municipalityOnDay('x', lineage, '2030-01-01')).toBe('x');
    // A cycle in bad data ends the walk instead of looping.
    const cyclic = indexLineage([
      { predecessor_id: 'p', successor_id: 'q', effective_on: '2020-01-01' },
      { predecessor_id: 'q', successor_id: 'p', effective_on: '2021-01-01' },
    ]);
    expect(municipalityOnDay('p', cyclic, '2022-01-01')).toBe('q');
  });

  it('counts on a day are summed on the municipality in force, abolished ones drop out', () => {
    const counts = [
      { municipality_id: 'old', active_centers: 2, applications_in_progress: 1 },
      { municipality_id: 'big', active_centers: 1, applications_in_progress: 0 },
      { municipality_id: 'gone', active_centers: 5, applications_in_progress: 5 },
    ];
    const lineage = [{ predecessor_id: 'old', successor_id: 'big', effective_on: '2025-06-01' }];
    expect(countsOnDay([{ id: 'big' }], counts, lineage, '2025-06-01')).toEqual([
      { id: 'big', active_centers: 3, applications_in_progress: 1 },
    ]);
    expect(countsOnDay([{ id: 'old' }, { id: 'big' }], counts, lineage, '2025-05-31')).toEqual([
      { id: 'old', active_centers: 2, applications_in_progress: 1 },
      { id: 'big', active_centers: 1, applications_in_progress: 0 },
    ]);
  });

  it('the local day follows the region time zone (UTC+7)', () => {
    expect(localDay(new Date('2025-04-22T17:30:00Z'), 'Asia/Novokuznetsk')).toBe('2025-04-23');
    expect(localDay(new Date('2025-04-22T16:30:00Z'), 'Asia/Novokuznetsk')).toBe('2025-04-22');
  });
});

const user = (grants: Grant[]): Actor => ({
  kind: 'user',
  userId: 'u',
  sessionId: 's',
  email: 'e@example.ru',
  mustChangePassword: false,
  grants,
});

describe('municipal change policy', () => {
  it('only a regional admin of the region may record a change', () => {
    const region = { id: 'R1' };
    expect(
      canRecordMunicipalChange(
        user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]),
        region,
      ),
    ).toBe(true);
    expect(
      canRecordMunicipalChange(
        user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R2' }]),
        region,
      ),
    ).toBe(false);
    expect(
      canRecordMunicipalChange(
        user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'R1' }]),
        region,
      ),
    ).toBe(false);
    expect(canRecordMunicipalChange({ kind: 'anonymous' }, region)).toBe(false);
  });
});

describe('public network API', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform();
  });
  afterAll(async () => {
    await t.close();
  });

  it('computes coverage per municipality and the summary from centres and applications', async () => {
    const region = await buildRegion(t.db);
    const a = await buildMunicipality(t.db, {
      regionId: region.id,
      slug: 'aa',
      name_ru: 'Анжеро-Судженский',
      population: 300,
    });
    const b = await buildMunicipality(t.db, {
      regionId: region.id,
      slug: 'bb',
      name_ru: 'Беловский',
      population: 600,
    });
    const c = await buildMunicipality(t.db, {
      regionId: region.id,
      slug: 'cc',
      name_ru: 'Яйский',
      population: null,
    });
    await buildCenter(t.db, { municipalityId: a.id });
    await buildCenter(t.db, { municipalityId: a.id });
    await buildCenter(t.db, { municipalityId: b.id, status: 'suspended' });
    await buildCenter(t.db, { municipalityId: c.id, status: 'closed' });
    await buildApplication(t.db, { municipalityId: b.id, stage: 'acceleration' });
    await buildApplication(t.db, { municipalityId: c.id, stage: 'rejected' });
    await buildApplication(t.db, { municipalityId: c.id, stage: 'draft' });

    const list = (await t.request('GET', '/api/public/municipalities')).json().items as {
      slug: string;
      coverage: string;
      activeCenters: number;
      applicationsInProgress: number;
    }[];
    const bySlug = Object.fromEntries(list.map((m) => [m.slug, m]));
    expect(bySlug.aa).toMatchObject({ coverage: 'covered', activeCenters: 2 });
    expect(bySlug.bb).toMatchObject({ coverage: 'in_progress', activeCenters: 0, applicationsInProgress: 1 });
    expect(bySlug.cc).toMatchObject({ coverage: 'none', activeCenters: 0, applicationsInProgress: 0 });
    expect(list.map((m) => m.slug)).toEqual(['aa', 'bb', 'cc']);

    const summary = (await t.request('GET', '/api/public/summary')).json();
    expect(summary).toMatchObject({
      activeCenters: 2,
      municipalitiesTotal: 3,
      municipalitiesCovered: 1,
      applicationsInProgress: 1,
    });
    expect(summary.populationCoveredShare).toBeCloseTo(1 / 3, 10);

    const centers = (await t.request('GET', '/api/public/centers')).json().items;
    expect(centers).toHaveLength(2);
    expect(centers.every((x: { status: string }) => x.status === 'active')).toBe(true);
    expect((await t.request('GET', '/api/public/centers?municipality=bb')).json().items).toHaveLength(0);
  });

  it('municipalities follow their effective dates: a replaced one leaves the list on the change day', async () => {
    const region = await buildRegion(t.db);
    const old = await buildMunicipality(t.db, {
      regionId: region.id,
      slug: 'old-district',
      kind: 'municipal_district',
      effective_to: '2025-04-23',
    });
    await buildMunicipality(t.db, {
      regionId: region.id,
      slug: 'new-okrug',
      kind: 'municipal_okrug',
      effective_from: '2025-04-23',
      predecessor_id: old.id,
    });
    t.clock.set(new Date('2025-04-22T12:00:00Z'));
    let slugs = (await t.request('GET', '/api/public/municipalities'))
      .json()
      .items.map((m: { slug: string }) => m.slug);
    expect(slugs).toContain('old-district');
    expect(slugs).not.toContain('new-okrug');
    t.clock.set(new Date('2025-04-23T01:00:00Z'));
    slugs = (await t.request('GET', '/api/public/municipalities'))
      .json()
      .items.map((m: { slug: string }) => m.slug);
    expect(slugs).not.toContain('old-district');
    expect(slugs).toContain('new-okrug');
    // Rows linked only by predecessor_id (no recorded change) carry their centres forward too.
    await buildCenter(t.db, { municipalityId: old.id });
    const okrug = (await t.request('GET', '/api/public/municipalities'))
      .json()
      .items.find((m: { slug: string }) => m.slug === 'new-okrug');
    expect(okrug).toMatchObject({ coverage: 'covered', activeCenters: 1 });
  });

  it('?on= shows the structure and coverage of that day: centres follow the lineage forward', async () => {
    const region = await buildRegion(t.db);
    const small = await buildMunicipality(t.db, { regionId: region.id, slug: 'on-small', population: 100 });
    const big = await buildMunicipality(t.db, { regionId: region.id, slug: 'on-big', population: 900 });
    await buildCenter(t.db, { municipalityId: small.id });
    await buildApplication(t.db, { municipalityId: small.id, stage: 'submitted' });
    await buildMunicipalChange(t.db, {
      predecessorIds: [small.id],
      successorId: big.id,
      effectiveOn: '2025-06-01',
    });
    type Item = { slug: string; coverage: string; activeCenters: number; applicationsInProgress: number };
    const on = async (day: string) =>
      Object.fromEntries(
        ((await t.request('GET', `/api/public/municipalities?on=${day}`)).json().items as Item[]).map((m) => [
          m.slug,
          m,
        ]),
      );
    const before = await on('2025-05-31');
    expect(before['on-small']).toMatchObject({
      coverage: 'covered',
      activeCenters: 1,
      applicationsInProgress: 1,
    });
    expect(before['on-big']).toMatchObject({ coverage: 'none', activeCenters: 0 });
    const after = await on('2025-06-01');
    expect(after['on-small']).toBeUndefined();
    expect(after['on-big']).toMatchObject({
      coverage: 'covered',
      activeCenters: 1,
      applicationsInProgress: 1,
    });

    // Today (the test clock is in 2026) the summary and the plan use the same mapping.
    t.clock.set(new Date('2026-11-24T10:00:00Z'));
    const today = await on(localDay(t.clock.now(), 'Asia/Novokuznetsk'));
    const summary = (await t.request('GET', '/api/public/summary')).json();
    expect(today['on-big']).toMatchObject({ coverage: 'covered', activeCenters: 1 });
    const items = Object.values(today) as Item[];
    expect(summary.activeCenters).toBe(items.reduce((n, m) => n + m.activeCenters, 0));
    expect(summary.municipalitiesTotal).toBe(items.length);
    expect(summary.municipalitiesCovered).toBe(items.filter((m) => m.coverage === 'covered').length);
    expect((await t.request('GET', '/api/public/municipalities')).json().items).toEqual(
      (await t.request('GET', `/api/public/municipalities?on=2026-11-24`)).json().items,
    );
  });

  it('?on= must be a calendar date', async () => {
    for (const bad of ['2025-13-01', '01.06.2025', '2025-02-30']) {
      const res = await t.request('GET', `/api/public/municipalities?on=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'querystring.on', code: 'invalid_date' });
    }
  });
});
