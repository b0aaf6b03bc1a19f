/**
 * The dashboard against a hand-checked region. Today is 2026-11-24 (test clock, Asia/Novokuznetsk).
 * M1: a centre since 2022-03-10 and one since 2026-02-01. M2: a centre opened 2026-06-15, suspended on
 * 2026-09-01, and an application with the operator's expected date 2027-01-15. M3: an application at
 * licence_agreement since 2026-10-01 (default stages: 30 + 30 days → 2026-11-30).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildApplication,
  buildCenter,
  buildMunicipality,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import type { Dashboard } from '../../../shared/contracts/plan.js';

let t: TestPlatform;
let operator: string;
const ids: Record<string, string> = {};

const dashboard = async (): Promise<Dashboard> => {
  const res = await t.request('GET', '/api/plan/dashboard', { cookie: operator });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const point = (d: Dashboard, month: string) => d.series.find((p) => p.month === month);

beforeAll(async () => {
  t = await createTestPlatform();
  const regionId = (await buildRegion(t.db)).id;
  for (const slug of ['m1', 'm2', 'm3']) ids[slug] = (await buildMunicipality(t.db, { regionId, slug })).id;
  const opened = async (municipalityId: string, on: string) => {
    const c = await buildCenter(t.db, { municipalityId });
    await t.db.updateTable('centers').set({ opened_on: on }).where('id', '=', c.id).execute();
    return c;
  };
  await opened(ids.m1 as string, '2022-03-10');
  await opened(ids.m1 as string, '2026-02-01');
  const suspended = await opened(ids.m2 as string, '2026-06-15');
  await t.db.updateTable('centers').set({ status: 'suspended' }).where('id', '=', suspended.id).execute();
  await t.db
    .insertInto('center_status_events')
    .values({
      center_id: suspended.id,
      from_status: 'active',
      to_status: 'suspended',
      comment: 'ремонт',
      at: new Date('2026-09-01T05:00:00Z'),
    })
    .execute();
  const withDate = await buildApplication(t.db, { municipalityId: ids.m2, stage: 'acceleration' });
  await t.db
    .updateTable('center_applications')
    .set({ expected_opening_on: '2027-01-15', stage_since: '2026-08-01' } as never)
    .where('id', '=', withDate.id)
    .execute();
  const estimated = await buildApplication(t.db, { municipalityId: ids.m3 });
  ids.estimated = estimated.id;
  await t.db
    .updateTable('center_applications')
    .set({ stage_since: '2026-10-01' })
    .where('id', '=', estimated.id)
    .execute();
  await buildApplication(t.db, { municipalityId: ids.m3, stage: 'rejected' }); // not in the pipeline
  await t.db
    .insertInto('rollout_targets')
    .values([
      { region_id: regionId, kind: 'active_centers', due_date: '2027-06-30', target: 5, note: null },
      { region_id: regionId, kind: 'municipal_coverage', due_date: '2027-12-31', target: 3, note: null },
    ])
    .execute();
  operator = sessionCookie(
    await t.request('POST', '/api/auth/login', {
      body: {
        email: (await buildUser(t.db, { role: 'regional_admin', scopeId: regionId })).email,
        password: TEST_PASSWORD,
      },
    }),
  );
});
afterAll(async () => {
  await t.close();
});

describe('the dashboard (hand-checked)', () => {
  it('actual now, gap, status and forecasts per target', async () => {
    const d = await dashboard();
    expect(d.today).toBe('2026-11-24');
    expect(d.actual).toMatchObject({
      activeCenters: 2,
      coveredMunicipalities: 1,
      inProgressMunicipalities: 2,
      municipalitiesTotal: 3,
    });
    expect(d.actual.populationCoveredShare).toBeCloseTo(1 / 3);
    // Openings in (2025-11-24, 2026-11-24]: 2026-02-01 and 2026-06-15 → 2/12 a month.
    expect(d.pace.openingsPerMonth).toBeCloseTo(2 / 12);
    expect(d.pace.coveragePerMonth).toBe(0); // M1 covered a year ago and today
    const [centres, coverage] = d.targets;
    // 5 − 2 = 3 at 1/6 a month → 18 months → 2028-05-24, after the due date: behind. With the pipeline:
    // 2026-11-30 and 2027-01-15 → 4, the last one at 1/6 a month → 6 months after 2027-01-15.
    expect(centres).toMatchObject({
      actual: 2,
      gap: 3,
      met: false,
      status: 'behind',
      forecast: { atPace: '2028-05-24', withPipeline: '2027-07-15' },
    });
    // Coverage: 1 of 3, no pace; the two applications cover M3 and M2 → 3 by 2027-01-15.
    expect(coverage).toMatchObject({
      actual: 1,
      gap: 2,
      status: 'behind',
      forecast: { atPace: null, withPipeline: '2027-01-15' },
    });
  });

  it('the monthly series follows openings and the suspension; the plan is a step at each due date', async () => {
    const d = await dashboard();
    expect(d.series[0]?.month).toBe('2021-01');
    expect(d.series.at(-1)?.month).toBe('2027-12');
    expect(d.series).toHaveLength(84);
    expect(point(d, '2022-02')?.activeCenters).toBe(0);
    expect(point(d, '2022-03')).toMatchObject({
      date: '2022-03-31',
      activeCenters: 1,
      coveredMunicipalities: 1,
    });
    expect(point(d, '2026-06')).toMatchObject({ activeCenters: 3, coveredMunicipalities: 2 });
    expect(point(d, '2026-09')).toMatchObject({ activeCenters: 2, coveredMunicipalities: 1 });
    expect(point(d, '2026-11')).toMatchObject({
      date: '2026-11-24',
      activeCenters: 2,
      municipalitiesTotal: 3,
    });
    expect(point(d, '2026-12')).toMatchObject({ activeCenters: null, planActiveCenters: null });
    expect(point(d, '2027-06')?.planActiveCenters).toBe(5);
    expect(point(d, '2027-12')).toMatchObject({ planActiveCenters: 5, planCoverage: 3 });
  });

  it('the pipeline: stage, days at stage, expected opening date and its source', async () => {
    const d = await dashboard();
    expect(d.pipeline).toHaveLength(2);
    expect(d.pipeline[0]).toMatchObject({
      id: ids.estimated,
      stage: 'licence_agreement',
      stageSince: '2026-10-01',
      daysAtStage: 54,
      expectedOpeningOn: '2026-11-30',
      expectedSource: 'estimated',
      overdue: false,
      coversNewMunicipality: true,
    });
    expect(d.pipeline[1]).toMatchObject({ expectedOpeningOn: '2027-01-15', expectedSource: 'set' });
  });

  it('uses the operator’s typical days when the stages are configured', async () => {
    await t.db
      .insertInto('application_stages' as never)
      .values(
        [
          ['submitted', 10, 14],
          ['licence_agreement', 40, 30],
          ['preparation', 50, 45],
          ['opened', 1000, 0],
        ].map(([code, position, typical_days]) => ({
          code,
          name_ru: `этап ${code}`,
          name_en: `stage ${code}`,
          position,
          typical_days,
          is_system: false,
          active: true,
        })) as never,
      )
      .execute();
    const d = await dashboard();
    // 2026-10-01 + 30 + 45 days = 2026-12-15.
    expect(d.pipeline[0]).toMatchObject({
      expectedOpeningOn: '2026-12-15',
      stageNameRu: 'этап licence_agreement',
    });
    await t.db.deleteFrom('application_stages' as never).execute();
  });

  it('opening a centre: actual +1, gap −1; an undated centre counts from the programme start', async () => {
    const before = await dashboard();
    await buildCenter(t.db, { municipalityId: ids.m3 });
    const after = await dashboard();
    expect(after.targets[0]?.actual).toBe((before.targets[0]?.actual ?? 0) + 1);
    expect(after.targets[0]?.gap).toBe((before.targets[0]?.gap ?? 0) - 1);
    expect(after.targets[1]).toMatchObject({ actual: 2, gap: 1 });
    expect(after.undatedCenters).toBe(1);
    expect(point(after, '2021-01')?.activeCenters).toBe(1);
    expect(point(after, '2026-11')?.activeCenters).toBe(3);
    // The public region endpoint agrees on the actual figures.
    const region = (await t.request('GET', '/api/public/region')).json();
    expect(region.plan.map((p: { actual: number }) => p.actual)).toEqual([3, 2]);
  });
});

describe('computed values stay in range (issue 9, item 12)', () => {
  it('a target of 100,000 is "not at this pace", and the dashboard keeps answering', async () => {
    const created = await t.request('POST', '/api/plan/targets', {
      cookie: operator,
      body: { kind: 'active_centers', dueDate: '2030-12-31', target: 100_000, comment: 'проверка' },
    });
    expect(created.statusCode).toBe(201);
    const d = await dashboard();
    const huge = d.targets.find((x) => x.target === 100_000);
    // ≈ 100,000 ÷ (3/12) months ≈ 33,000 years away: past any date the API carries.
    expect(huge).toMatchObject({ status: 'behind', forecast: { atPace: null, withPipeline: null } });
    for (const target of d.targets) {
      for (const date of [target.forecast.atPace, target.forecast.withPipeline]) {
        if (date !== null) expect(date).toMatch(/^2\d{3}-\d{2}-\d{2}$/);
      }
    }
    const removed = await t.request('POST', `/api/plan/targets/${created.json().target.id}/remove`, {
      cookie: operator,
      body: { comment: 'проверка окончена' },
    });
    expect(removed.statusCode).toBeLessThan(300);
  });
});
