/**
 * The PostgreSQL counters under parallel load: every increment is one statement, so 40 parallel hits
 * see 40 different counts, and 40 parallel claims under a delay let exactly the free attempts through.
 * On PostgreSQL (TEST_DB=postgres) these run on a pool of connections, truly in parallel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { createRateLimits, type DelayPolicy } from './rate-limits.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

const limits = () => createRateLimits({ db: t.db, clock: t.clock });
const POLICY: DelayPolicy = { free: 3, baseMs: 1000, maxMs: 8000, windowMs: 60_000 };

describe('counters shared through the database', () => {
  it('40 parallel hits get 40 different counts; the window starts over when it ends', async () => {
    const a = limits();
    const b = limits(); // a second instance of the platform: its own object, the same rows
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit('burst', 60_000)),
    );
    expect(hits.map((h) => h.hits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(new Set(hits.map((h) => h.resetAt.getTime())).size).toBe(1);
    t.clock.advance(60_000);
    expect((await a.hit('burst', 60_000)).hits).toBe(1);
  });

  it('refund gives one attempt back; clear forgets the key; peek changes nothing', async () => {
    const a = limits();
    await a.hit('refund', 60_000);
    await a.hit('refund', 60_000);
    await a.refund('refund');
    expect((await a.peek('refund'))?.hits).toBe(1);
    expect((await a.peek('refund'))?.hits).toBe(1);
    await a.clear('refund');
    expect(await a.peek('refund')).toBeNull();
  });

  it('40 parallel claims under a delay: exactly the free ones pass, the rest learn when to come back', async () => {
    const a = limits();
    const b = limits();
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).claim('claims', POLICY)),
    );
    const allowed = claims.filter((c) => c.allowed);
    expect(allowed).toHaveLength(POLICY.free);
    const refused = claims.filter((c) => !c.allowed) as { retryAt: Date }[];
    expect(refused.every((c) => c.retryAt.getTime() === t.clock.now().getTime() + POLICY.baseMs)).toBe(true);

    t.clock.advance(POLICY.baseMs);
    expect((await a.claim('claims', POLICY)).allowed).toBe(true);
    const next = await a.claim('claims', POLICY);
    expect(next.allowed).toBe(false);
    // the delay doubles with each counted attempt, up to the cap
    expect(!next.allowed && next.retryAt.getTime() - t.clock.now().getTime()).toBe(2 * POLICY.baseMs);
    for (let i = 0; i < 10; i++) {
      t.clock.advance(POLICY.maxMs);
      expect((await a.claim('claims', POLICY)).allowed).toBe(true);
    }
    const capped = await a.claim('claims', POLICY);
    expect(!capped.allowed && capped.retryAt.getTime() - t.clock.now().getTime()).toBe(POLICY.maxMs);
    // a quiet window forgets everything
    t.clock.advance(POLICY.windowMs + 1);
    expect(await a.claim('claims', POLICY)).toEqual({ allowed: true, hits: 1 });
  });

  it('expired rows are swept', async () => {
    const a = limits();
    await a.hit('old', 1000);
    t.clock.advance(2000);
    expect(await a.sweep()).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('rate_limits').select('key').where('key', '=', 'old').execute()).toEqual([]);
  });
});
