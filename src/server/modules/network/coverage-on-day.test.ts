/**
 * Coverage on a past day keeps that day's figures: centres count from their opening date while their
 * recorded status was active, applications while their recorded stage was in progress — the same figures
 * as the operator's dashboard series for that month. Today (test clock) is 2026-11-24, Asia/Novokuznetsk.
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
import { stageOn } from '../../lib/network-history.js';

let t: TestPlatform;
let operator: string;

type Item = { slug: string; coverage: string; activeCenters: number; applicationsInProgress: number };
const on = async (day: string) => {
  const res = await t.request('GET', `/api/public/municipalities?on=${day}`);
  expect(res.statusCode).toBe(200);
  return Object.fromEntries((res.json().items as Item[]).map((m) => [m.slug, m]));
};

beforeAll(async () => {
  t = await createTestPlatform();
  t.clock.set(new Date('2026-11-24T10:00:00Z'));
  const regionId = (await buildRegion(t.db)).id;
  const north = await buildMunicipality(t.db, { regionId, slug: 'hist-north' });
  const south = await buildMunicipality(t.db, { regionId, slug: 'hist-south' });
  // North: opened 2024-03-01, suspended 2025-02-10 (in Kemerovo time: 2025-02-10 01:00 local), reactivated 2025-09-01.
  const first = await buildCenter(t.db, { municipalityId: north.id });
  await t.db.updateTable('centers').set({ opened_on: '2024-03-01' }).where('id', '=', first.id).execute();
  await t.db
    .insertInto('center_status_events')
    .values([
      {
        center_id: first.id,
        from_status: 'active',
        to_status: 'suspended',
        comment: 'ремонт',
        at: new Date('2025-02-09T18:00:00Z'),
      },
      {
        center_id: first.id,
        from_status: 'suspended',
        to_status: 'active',
        comment: null,
        at: new Date('2025-09-01T03:00:00Z'),
      },
    ])
    .execute();
  // South: a centre opened only in 2026, closed now; and an application submitted 2024-06-01, opened 2025-01-20.
  const second = await buildCenter(t.db, { municipalityId: south.id, status: 'closed' });
  await t.db.updateTable('centers').set({ opened_on: '2026-01-15' }).where('id', '=', second.id).execute();
  await t.db
    .insertInto('center_status_events')
    .values({
      center_id: second.id,
      from_status: 'active',
      to_status: 'closed',
      comment: 'закрыт',
      at: new Date('2026-06-30T04:00:00Z'),
    })
    .execute();
  const app = await buildApplication(t.db, { municipalityId: south.id, stage: 'opened' });
  await t.db
    .insertInto('application_events')
    .values([
      {
        application_id: app.id,
        from_stage: 'draft',
        to_stage: 'submitted',
        at: new Date('2024-06-01T04:00:00Z'),
      },
      {
        application_id: app.id,
        from_stage: 'licence_agreement',
        to_stage: 'opened',
        at: new Date('2025-01-20T04:00:00Z'),
      },
    ])
    .execute();
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  operator = sessionCookie(
    await t.request('POST', '/api/auth/login', { body: { email: admin.email, password: TEST_PASSWORD } }),
  );
});

afterAll(async () => {
  await t.close();
});

describe('coverage on a past day', () => {
  it('counts the centres and applications of that day, not of today', async () => {
    const before = await on('2024-01-01');
    expect(before['hist-north']).toMatchObject({
      coverage: 'none',
      activeCenters: 0,
      applicationsInProgress: 0,
    });
    expect(before['hist-south']).toMatchObject({
      coverage: 'none',
      activeCenters: 0,
      applicationsInProgress: 0,
    });

    const summer2024 = await on('2024-07-01');
    expect(summer2024['hist-north']).toMatchObject({ coverage: 'covered', activeCenters: 1 });
    expect(summer2024['hist-south']).toMatchObject({
      coverage: 'in_progress',
      activeCenters: 0,
      applicationsInProgress: 1,
    });

    // Suspended on 2025-02-10 local time (18:00 UTC the day before): not active from that day.
    expect((await on('2025-02-09'))['hist-north']).toMatchObject({ activeCenters: 1 });
    expect((await on('2025-02-10'))['hist-north']).toMatchObject({ activeCenters: 0, coverage: 'none' });
    const spring2025 = await on('2025-03-01');
    expect(spring2025['hist-south']).toMatchObject({ coverage: 'none', applicationsInProgress: 0 });

    const spring2026 = await on('2026-03-01');
    expect(spring2026['hist-north']).toMatchObject({ activeCenters: 1 });
    expect(spring2026['hist-south']).toMatchObject({ coverage: 'covered', activeCenters: 1 });

    const today = await on('2026-11-24');
    expect(today['hist-south']).toMatchObject({ coverage: 'none', activeCenters: 0 });
    expect(today['hist-north']).toMatchObject({ coverage: 'covered', activeCenters: 1 });
    expect((await t.request('GET', '/api/public/municipalities')).json().items).toEqual(
      (await t.request('GET', '/api/public/municipalities?on=2026-11-24')).json().items,
    );
  });

  it('agrees with the dashboard series at the end of every month', async () => {
    const res = await t.request('GET', '/api/plan/dashboard', { cookie: operator });
    expect(res.statusCode).toBe(200);
    const series = res.json().series as {
      month: string;
      date: string;
      activeCenters: number | null;
      coveredMunicipalities: number | null;
    }[];
    const past = series.filter((p) => p.month >= '2024-01' && p.month < '2026-11');
    expect(past.length).toBeGreaterThan(20);
    for (const point of past) {
      const items = Object.values(await on(point.date));
      const active = items.reduce((n, i) => n + i.activeCenters, 0);
      const covered = items.filter((i) => i.activeCenters > 0).length;
      expect({ month: point.month, active, covered }).toEqual({
        month: point.month,
        active: point.activeCenters,
        covered: point.coveredMunicipalities,
      });
    }
  });
});

describe('stageOn', () => {
  const life = {
    stage: 'opened',
    stageSince: '2025-01-20',
    transitions: [
      { day: '2024-06-01', from: 'draft', to: 'submitted' },
      { day: '2024-09-01', from: 'submitted', to: 'changes_requested' },
      { day: '2025-01-20', from: 'licence_agreement', to: 'opened' },
    ],
  };
  it("takes the last transition on or before the day, and the first one's origin before it", () => {
    expect(stageOn(life, '2024-05-31')).toBe('draft');
    expect(stageOn(life, '2024-06-01')).toBe('submitted');
    expect(stageOn(life, '2024-12-31')).toBe('changes_requested');
    expect(stageOn(life, '2025-01-20')).toBe('opened');
  });
  it('without a history: the current stage from the day it was entered, always when that is unknown', () => {
    expect(
      stageOn({ stage: 'licence_agreement', stageSince: '2023-08-28', transitions: [] }, '2023-08-27'),
    ).toBeNull();
    expect(
      stageOn({ stage: 'licence_agreement', stageSince: '2023-08-28', transitions: [] }, '2023-08-28'),
    ).toBe('licence_agreement');
    expect(stageOn({ stage: 'submitted', stageSince: null, transitions: [] }, '2001-01-01')).toBe(
      'submitted',
    );
  });
});
