import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { removeDemoData, seedAll } from '../../seed/seed.js';
import { lastEndedHalf } from './monitoring.seed.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

describe('demo work log and monitoring', () => {
  it('the past round is the newest half-year that has ended', () => {
    expect(lastEndedHalf('2026-11-24')).toEqual({ year: 2026, half: 1 });
    expect(lastEndedHalf('2026-06-30')).toEqual({ year: 2025, half: 2 });
    expect(lastEndedHalf('2026-07-01')).toEqual({ year: 2026, half: 1 });
  });

  it('is generated for the seeded centres, deterministic, and removed with the demo data', async () => {
    await seedAll(t.db, t.clock, { demo: true });
    const entries = await t.db.selectFrom('work_log_entries').selectAll().execute();
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.every((e) => e.is_demo && e.occurred_on < '2026-11-24')).toBe(true);
    expect(new Set(entries.map((e) => e.center_id)).size).toBe(9);
    expect(entries.filter((e) => e.kind === 'consultation').every((e) => e.audience !== null)).toBe(true);

    const round = await t.db.selectFrom('monitoring_rounds').selectAll().executeTakeFirstOrThrow();
    expect(round).toMatchObject({ year: 2026, half: 1, status: 'closed', is_demo: true });
    const detail = await t.services.monitoring.detail(round.id);
    expect(detail.rows).toHaveLength(9);
    expect(detail.rows.every((r) => r.complete)).toBe(true);
    expect(new Set(detail.rows.map((r) => r.zone))).toEqual(new Set(['green', 'yellow', 'red']));

    await removeDemoData(t.db);
    expect(await t.db.selectFrom('work_log_entries').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('monitoring_rounds').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('monitoring_scores').select('round_id').execute()).toEqual([]);
  });
});
