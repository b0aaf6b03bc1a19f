/** Public search: the centre filter (for a centre's page) and counts over upcoming shifts only. */
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpportunityWorld, opportunityWorld } from '../../../../test/support/opportunity-world.js';
import { createAuditWriter } from '../../platform/audit/audit.js';
import { createOpportunitiesRepo } from './opportunities.repo.js';
import { createOpportunitiesService } from './opportunities.service.js';

type Hit = {
  id: string;
  title: string;
  center: { id: string };
  nextShiftAt: string;
  shiftCount: number;
  freePlaces: number;
};
let w: OpportunityWorld;
const START = new Date('2026-11-24T10:00:00Z');
const ids = { a1: '', a2: '', b1: '', mixed: '' };
const shiftIds = { soon: '', later: '' };

const search = async (query: string) => {
  const r = await w.t.request('GET', `/api/public/opportunities?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Hit[]; total: number };
};
const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title).sort();
const hit = async (id: string, query = 'limit=100') => (await search(query)).items.find((i) => i.id === id);

beforeAll(async () => {
  w = await opportunityWorld();
  ids.a1 = await w.opportunity(
    { title: 'Уборка сквера' },
    { shifts: [{ startsAt: '2026-12-01T03:00:00Z' }] },
  );
  ids.a2 = await w.opportunity(
    { title: 'Библиотечный день' },
    { shifts: [{ startsAt: '2026-12-02T03:00:00Z' }] },
  );
  ids.b1 = await w.opportunity(
    { title: 'Уборка набережной' },
    { centerId: w.centerB.id, shifts: [{ startsAt: '2026-12-03T03:00:00Z' }] },
  );
  // Tomorrow a shift with 3 free places; in a fortnight a full one (1 place, taken).
  ids.mixed = await w.opportunity(
    { title: 'Сбор гуманитарной помощи' },
    {
      centerId: w.centerB.id,
      shifts: [
        { startsAt: '2026-11-25T03:00:00Z', capacity: 3 },
        { startsAt: '2026-12-08T03:00:00Z', capacity: 1 },
      ],
    },
  );
  const shifts = await w.t.db
    .selectFrom('shifts')
    .select(['id', 'starts_at'])
    .where('opportunity_id', '=', ids.mixed)
    .orderBy('starts_at')
    .execute();
  shiftIds.soon = shifts[0]?.id as string;
  shiftIds.later = shifts[1]?.id as string;
  await w.confirm(shiftIds.later);
});
beforeEach(() => {
  w.t.clock.set(START);
});
afterAll(async () => {
  await w.t.close();
});

describe('the centre filter', () => {
  it("lists only the centre's published opportunities with upcoming shifts", async () => {
    expect(titles(await search(`centerId=${w.centerA.id}&limit=100`))).toEqual([
      'Библиотечный день',
      'Уборка сквера',
    ]);
    const b = await search(`centerId=${w.centerB.id}&limit=100`);
    expect(titles(b)).toEqual(['Сбор гуманитарной помощи', 'Уборка набережной']);
    expect(b.total).toBe(2);
    expect(b.items.every((i) => i.center.id === w.centerB.id)).toBe(true);
  });

  it('combines with the other filters and pages', async () => {
    expect(titles(await search(`centerId=${w.centerB.id}&q=${encodeURIComponent('уборка')}`))).toEqual([
      'Уборка набережной',
    ]);
    const first = await search(`centerId=${w.centerA.id}&limit=1`);
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(2);
  });

  it('finds nothing for a centre with no opportunities, a suspended centre or an unknown one', async () => {
    expect((await search(`centerId=${w.suspended.id}`)).total).toBe(0);
    expect((await search('centerId=00000000-0000-4000-8000-000000000000')).items).toEqual([]);
  });

  it('refuses an id that is not a UUID', async () => {
    const r = await w.t.request('GET', '/api/public/opportunities?centerId=kemerovo');
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });

  it('is still one query per page', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = w.t.db.withPlugin(counter);
    const service = createOpportunitiesService({
      db,
      repo: createOpportunitiesRepo(db),
      clock: w.t.clock,
      audit: createAuditWriter({ clock: w.t.clock }),
    });
    await service.search({ kind: 'anonymous' }, { centerId: w.centerA.id }, 'Asia/Novokuznetsk');
    queries = 0;
    const page = await service.search(
      { kind: 'anonymous' },
      { centerId: w.centerB.id, freeOnly: true, q: 'уборка', limit: 5 },
      'Asia/Novokuznetsk',
    );
    expect(page.items.map((i) => i.title)).toEqual(['Уборка набережной']);
    expect(queries).toBe(1);
  });
});

describe('free places and shift counts cover upcoming shifts only', () => {
  it('counts both shifts while both are ahead', async () => {
    expect(await hit(ids.mixed)).toMatchObject({ shiftCount: 2, freePlaces: 3 });
    expect((await search('freeOnly=true&limit=100')).items.map((i) => i.id)).toContain(ids.mixed);
  });

  it('once the free shift has started, its places no longer count and "free only" drops it', async () => {
    w.t.clock.set(new Date('2026-11-25T03:30:00Z'));
    expect(await hit(ids.mixed)).toMatchObject({
      shiftCount: 1,
      freePlaces: 0,
      nextShiftAt: '2026-12-08T03:00:00.000Z',
    });
    expect((await search('freeOnly=true&limit=100')).items.map((i) => i.id)).not.toContain(ids.mixed);
  });

  it('a date range counts the places of its own shifts only', async () => {
    const later = 'from=2026-12-05&to=2026-12-10&limit=100';
    expect(await hit(ids.mixed, later)).toMatchObject({ shiftCount: 1, freePlaces: 0 });
    expect((await search(`${later}&freeOnly=true`)).items.map((i) => i.id)).not.toContain(ids.mixed);
    const soon = 'from=2026-11-24&to=2026-11-26&limit=100';
    expect(await hit(ids.mixed, soon)).toMatchObject({ shiftCount: 1, freePlaces: 3 });
    expect((await search(`${soon}&freeOnly=true`)).items.map((i) => i.id)).toContain(ids.mixed);
  });

  it('a shift starting exactly now is no longer upcoming', async () => {
    w.t.clock.set(new Date('2026-11-25T03:00:00Z'));
    expect(await hit(ids.mixed)).toMatchObject({ shiftCount: 1, freePlaces: 0 });
    w.t.clock.set(new Date('2026-12-08T03:00:00Z'));
    expect(await hit(ids.mixed)).toBeUndefined();
  });

  it('signups on past shifts do not touch the count; a cancelled shift does not count', async () => {
    await w.confirm(shiftIds.soon);
    expect(await hit(ids.mixed)).toMatchObject({ shiftCount: 2, freePlaces: 2 });
    w.t.clock.set(new Date('2026-11-26T00:00:00Z'));
    expect(await hit(ids.mixed)).toMatchObject({ shiftCount: 1, freePlaces: 0 });
    w.t.clock.set(START);
    await sql`update shifts set status = 'cancelled' where id = ${shiftIds.soon}`.execute(w.t.db);
    expect(await hit(ids.mixed)).toMatchObject({ shiftCount: 1, freePlaces: 0 });
    expect((await search('freeOnly=true&limit=100')).items.map((i) => i.id)).not.toContain(ids.mixed);
  });
});
