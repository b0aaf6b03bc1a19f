import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipality,
  buildRegion,
} from '../../../../test/support/factories.js';
import { coverageState, populationCoveredShare } from './coverage.js';
import { localDay } from './network.service.js';

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

  it('the local day follows the region time zone (UTC+7)', () => {
    expect(localDay(new Date('2025-04-22T17:30:00Z'), 'Asia/Novokuznetsk')).toBe('2025-04-23');
    expect(localDay(new Date('2025-04-22T16:30:00Z'), 'Asia/Novokuznetsk')).toBe('2025-04-22');
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
  });
});
