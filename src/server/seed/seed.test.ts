import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/app.js';
import { systemClock } from '../platform/clock.js';
import { readMunicipalities } from './kuzbass.js';
import { removeDemoData, seedAll } from './seed.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

describe('Kuzbass reference data', () => {
  it('the seed file holds all 34 municipalities: 16 urban and 18 municipal okrugs', () => {
    const rows = readMunicipalities();
    expect(rows).toHaveLength(34);
    expect(rows.filter((r) => r.kind === 'urban_okrug')).toHaveLength(16);
    expect(rows.filter((r) => r.kind === 'municipal_okrug')).toHaveLength(18);
    expect(rows.find((r) => r.slug === 'kemerovo')).toMatchObject({
      name_ru: 'Кемеровский городской округ',
      population: 557119,
    });
    expect(rows.find((r) => r.slug === 'krapivinsky-mo')?.population).toBeNull();
  });

  it('loads the network as the source states it, once, with demo data that can be removed', async () => {
    const first = await seedAll(t.db, systemClock, { demo: true });
    expect(first.regionSeeded).toBe(true);
    expect(first.demoAccounts.map((a) => a.role)).toEqual([
      'regional_admin',
      'center_coordinator',
      'volunteer',
    ]);
    const again = await seedAll(t.db, systemClock, { demo: true });
    expect(again).toEqual({ regionSeeded: false, demoAccounts: [] });

    const summary = (await t.request('GET', '/api/public/summary')).json();
    expect(summary).toMatchObject({
      activeCenters: 9,
      municipalitiesTotal: 34,
      municipalitiesCovered: 6,
      applicationsInProgress: 4,
    });
    expect(summary.volunteers).toBe(61);

    const municipalities = (await t.request('GET', '/api/public/municipalities')).json().items as {
      slug: string;
      coverage: string;
    }[];
    const covered = municipalities
      .filter((m) => m.coverage === 'covered')
      .map((m) => m.slug)
      .sort();
    expect(covered).toEqual(['belovo', 'kaltan', 'kemerovo', 'mariinsky-mo', 'novokuznetsk', 'yurga']);
    expect(municipalities.filter((m) => m.coverage === 'in_progress').map((m) => m.slug)).toEqual([
      'leninsk-kuznetsky',
    ]);

    const centers = (await t.request('GET', '/api/public/centers')).json().items as {
      organizationIsPlaceholder: boolean;
      organizationName: string;
    }[];
    expect(centers).toHaveLength(9);
    expect(centers.every((c) => c.organizationIsPlaceholder && c.organizationName.includes('заглушка'))).toBe(
      true,
    );

    const region = (await t.request('GET', '/api/public/region')).json();
    expect(region).toMatchObject({ slug: 'kuzbass', timezone: 'Asia/Novokuznetsk', programSince: 2021 });
    // the web app shows and takes every time on the region's clock
    expect((await t.request('GET', '/api/public/config')).json().timeZone).toBe('Asia/Novokuznetsk');
    expect(
      region.plan.map((p: { kind: string; dueDate: string; target: number; actual: number }) => [
        p.kind,
        p.dueDate,
        p.target,
        p.actual,
      ]),
    ).toEqual([
      ['active_centers', '2024-12-31', 18, 9],
      ['active_centers', '2025-12-31', 22, 9],
      ['municipal_coverage', '2025-12-31', 34, 6],
    ]);

    // History: the Tashtagol district is kept as the predecessor of today's okrug.
    const tashtagol = await t.db
      .selectFrom('municipalities')
      .selectAll()
      .where('slug', 'in', ['tashtagolsky-md', 'tashtagolsky-mo'])
      .orderBy('effective_from')
      .execute();
    expect(tashtagol.map((m) => [m.slug, m.kind, m.effective_to])).toEqual([
      ['tashtagolsky-md', 'municipal_district', '2025-04-23'],
      ['tashtagolsky-mo', 'municipal_okrug', null],
    ]);
    expect(tashtagol[1]?.predecessor_id).toBe(tashtagol[0]?.id);
    // …and the conversion is recorded once, with its lineage, as the operator would record it.
    const changes = (await t.request('GET', '/api/public/municipal-changes')).json().items;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'conversion',
      effectiveOn: '2025-04-23',
      predecessors: [{ id: tashtagol[0]?.id, slug: 'tashtagolsky-md' }],
      successor: { id: tashtagol[1]?.id, slug: 'tashtagolsky-mo' },
    });
    const before = (await t.request('GET', '/api/public/municipalities?on=2025-04-22')).json().items;
    const slugsBefore = before.map((m: { slug: string }) => m.slug);
    expect(slugsBefore).toContain('tashtagolsky-md');
    expect(slugsBefore).not.toContain('tashtagolsky-mo');
    expect(before).toHaveLength(34);

    // Demo people span every age group and are all marked.
    const births = await t.db
      .selectFrom('volunteer_profiles')
      .select('birth_date')
      .where('is_demo', '=', true)
      .execute();
    const ages = births.map((b) => new Date().getUTCFullYear() - Number(b.birth_date?.slice(0, 4)));
    expect(ages.some((a) => a <= 17)).toBe(true);
    expect(ages.some((a) => a >= 18 && a <= 35)).toBe(true);
    expect(ages.some((a) => a >= 36 && a <= 54)).toBe(true);
    expect(ages.some((a) => a >= 55)).toBe(true);

    const demoOrgs = await t.db
      .selectFrom('organizations')
      .select(['name', 'kind'])
      .where('is_demo', '=', true)
      .execute();
    expect(demoOrgs.map((o) => o.kind).sort()).toEqual(['business', 'government', 'ngo']);
    expect(demoOrgs.every((o) => o.name.startsWith('Демо-'))).toBe(true);

    const removed = await removeDemoData(t.db);
    expect(removed).toBe(63);
    expect((await t.request('GET', '/api/public/summary')).json()).toMatchObject({
      activeCenters: 9,
      volunteers: 0,
    });
    expect(await t.db.selectFrom('opportunities').select('id').execute()).toHaveLength(0);
    expect(
      await t.db.selectFrom('organizations').select('id').where('is_demo', '=', true).execute(),
    ).toHaveLength(0);
    expect(await t.db.selectFrom('organizations').select('id').execute()).toHaveLength(13);
  });
});
