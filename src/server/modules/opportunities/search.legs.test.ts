/**
 * The two ways the catalogue reads "from now on" give the same answers. A search at an instant where the
 * rollups are valid reads them (their schedule and their copy of the words, migrations 0021, 0024, 0026);
 * a search at an instant before the rollups were taken computes the same figures from the shifts. With no
 * shift starting between those two instants, every search (words, filters, orders, pages, totals) must
 * answer exactly alike. Most other search tests run at a fixed test clock that is before the database's
 * clock, so they read the second way only; this one covers the first.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpportunityWorld, opportunityWorld } from '../../../../test/support/opportunity-world.js';
import { foldYo, type SearchFilter, searchOpportunities } from './search.repo.js';

let w: OpportunityWorld;
let fresh: Date;
let live: Date;

const WORDS = ['Субботник', 'Уборка берега', 'Помощь пожилым', 'Ёлка', 'Кедры', 'Наставничество'];
const MORE = ['', 'Нужны волонтёры', 'Возьмите перчатки и воду', 'Уборка и помощь'];
const CATEGORIES = ['ecology', 'elderly', 'children', null];

/** A small deterministic generator (mulberry32), so that the data is the same on every run. */
function random(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x = (x + 0x6d2b79f5) >>> 0;
    let z = Math.imul(x ^ (x >>> 15), x | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return Math.floor((((z ^ (z >>> 14)) >>> 0) / 4294967296) * n);
  };
}

beforeAll(async () => {
  w = await opportunityWorld();
  const pick = random(20261207);
  // Starts on whole seconds from one base: the comparisons below read them as Dates (milliseconds), and
  // two starts a few microseconds apart would tie there and not in the database.
  const base = (await sql<{ t: Date }>`select date_trunc('second', now()) as t`.execute(w.t.db)).rows[0]?.t;
  const at = (hours: number) => sql`${base}::timestamptz + ${`${hours} hours`}::interval`;
  for (let i = 0; i < 60; i++) {
    const online = pick(8) === 0;
    const point = !online && pick(4) > 0;
    const o = await sql<{ id: string }>`
      insert into opportunities (center_id, title, description, status, category, municipality_id,
        lat, lon, is_online, min_age)
      values (${pick(3) ? w.centerA.id : w.centerB.id}, ${`${WORDS[pick(WORDS.length)]} ${i}`},
        ${MORE[pick(MORE.length)]}, ${pick(10) ? 'published' : 'draft'}, ${CATEGORIES[pick(4)]},
        ${pick(2) ? w.kemerovo.id : w.novokuznetsk.id},
        ${point ? 55 + pick(100) / 50 : null}, ${point ? 86 + pick(100) / 50 : null}, ${online},
        ${pick(3) ? null : 14 + pick(5)})
      returning id`.execute(w.t.db);
    const id = o.rows[0]?.id ?? '';
    for (let s = pick(4); s > 0; s--) {
      const start = 2 + pick(600);
      const shift = await sql<{ id: string }>`
        insert into shifts (opportunity_id, starts_at, ends_at, capacity, status)
        values (${id}, ${at(start)}, ${at(start + 3)}, ${1 + pick(2)}, ${pick(6) ? 'scheduled' : 'cancelled'})
        returning id`.execute(w.t.db);
      if (pick(3) === 0) await w.confirm(shift.rows[0]?.id ?? '');
    }
  }
  // renamed after their rollups were taken: the rollups' copy of the words must follow
  await sql`update opportunities set title = 'Кедры ' || title
    where id in (select id from opportunities order by id limit 15)`.execute(w.t.db);
  const clocks = await sql<{ fresh: Date; live: Date; first: Date }>`
    select now() + interval '1 second' as fresh, min(rollup_at) - interval '1 millisecond' as live,
      (select min(starts_at) from shifts) as first
    from opportunity_rollups`.execute(w.t.db);
  const row = clocks.rows[0];
  if (!row || row.first <= row.fresh)
    throw new Error(`a shift starts before the fresh instant: ${JSON.stringify(row)}`);
  fresh = row.fresh;
  live = row.live;
});
afterAll(async () => {
  await w.t.close();
});

const filters = fc.record(
  {
    q: fc.constantFrom('кедры', 'уборка', 'помощь', 'волонтеры', 'елка', 'кедры -уборка', 'нет-такого'),
    category: fc.constantFrom('ecology', 'elderly', 'children'),
    municipality: fc.boolean(),
    center: fc.boolean(),
    age: fc.integer({ min: 12, max: 20 }),
    freeOnly: fc.boolean(),
    near: fc.record({ radiusKm: fc.option(fc.constantFrom(30, 80, 500)) }),
    sort: fc.constantFrom('start' as const, 'relevance' as const, 'distance' as const),
    limit: fc.integer({ min: 1, max: 8 }),
    offset: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: ['sort', 'limit', 'offset'] },
);

describe('the catalogue from now on', () => {
  it('reads the rollups at an instant where they are valid, and the shifts before it', async () => {
    const valid = await sql<{ n: number }>`select count(*)::int as n from opportunity_rollups
      where next_shift_at is not null and rollup_at <= ${fresh}`.execute(w.t.db);
    expect(valid.rows[0]?.n).toBeGreaterThan(20);
    const taken = await sql<{ n: number }>`select count(*)::int as n from opportunity_rollups
      where rollup_at <= ${live}`.execute(w.t.db);
    expect(taken.rows[0]?.n).toBe(0);
  });

  it('answers every search alike both ways', async () => {
    await fc.assert(
      fc.asyncProperty(filters, async (g) => {
        const filter = (now: Date): SearchFilter => ({
          now,
          from: now,
          q: g.q,
          category: g.category,
          municipalityId: g.municipality ? w.kemerovo.id : undefined,
          centerId: g.center ? w.centerA.id : undefined,
          age: g.age,
          freeOnly: g.freeOnly,
          point: g.near ? { lat: 55.6, lon: 86.5 } : undefined,
          radiusKm: g.near?.radiusKm ?? undefined,
          sort: g.sort,
          limit: g.limit,
          offset: g.offset,
        });
        const byRollups = await searchOpportunities(w.t.db, filter(fresh));
        const byShifts = await searchOpportunities(w.t.db, filter(live));
        expect(byRollups).toEqual(byShifts);
      }),
      { seed: 20261207, numRuns: 150 },
    );
  });

  it('pages, totals and the ranked pool agree with the whole list (a small cap and pool)', async () => {
    const limits = fc.record({
      q: fc.option(fc.constantFrom('кедры', 'уборка', 'помощь', 'волонтеры', 'кедры -уборка')),
      relevance: fc.boolean(),
      limit: fc.integer({ min: 1, max: 6 }),
      offset: fc.integer({ min: 0, max: 15 }),
      totalCap: fc.integer({ min: 0, max: 6 }),
      rankPool: fc.integer({ min: 1, max: 10 }),
      atFresh: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(limits, async (g) => {
        const now = g.atFresh ? fresh : live;
        const q = g.q ?? undefined;
        const whole = (
          await searchOpportunities(w.t.db, { now, from: now, q, sort: 'start', limit: 500, offset: 0 })
        ).rows;
        const got = await searchOpportunities(w.t.db, {
          now,
          from: now,
          q,
          sort: g.relevance ? 'relevance' : 'start',
          limit: g.limit,
          offset: g.offset,
          totalCap: g.totalCap,
          rankPool: g.rankPool,
        });
        const cap = g.offset + g.limit + g.totalCap;
        expect(got.total).toBe(Math.min(whole.length, cap));
        expect(got.totalCapped).toBe(whole.length > cap);
        let expected = whole;
        if (g.relevance && q) {
          // the soonest matches (at least the page's depth), by rank, then by start
          const pool = whole.slice(0, Math.max(g.rankPool, g.offset + g.limit));
          const ranks = await sql<{ id: string; rank: number }>`
            select id, ts_rank(search_vector, websearch_to_tsquery('russian', ${foldYo(q)})) as rank
            from opportunities where id in (${sql.join(pool.map((r) => r.id))})`.execute(w.t.db);
          const rank = new Map(ranks.rows.map((r) => [r.id, Number(r.rank)]));
          expected = [...pool].sort(
            (a, b) =>
              (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0) ||
              a.next_shift_at.getTime() - b.next_shift_at.getTime() ||
              (a.id < b.id ? -1 : 1),
          );
        }
        expect(got.rows.map((r) => r.id)).toEqual(
          expected.slice(g.offset, g.offset + g.limit).map((r) => r.id),
        );
      }),
      { seed: 20261208, numRuns: 400 },
    );
  });

  it('finds something for the common words both ways', async () => {
    for (const q of ['кедры', 'уборка', 'помощь']) {
      const page = await searchOpportunities(w.t.db, {
        now: fresh,
        from: fresh,
        q,
        sort: 'relevance',
        limit: 50,
        offset: 0,
      });
      expect(page.rows.length, q).toBeGreaterThan(2);
    }
  });
});
