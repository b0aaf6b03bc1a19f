/**
 * The counters and rollups of migrations 0021, 0024 and 0026 against a count from scratch: any sequence of
 * changes to signups, walk-ins, shifts and opportunities (fast-check, fixed seed) leaves `shifts.taken`
 * equal to the places held and every opportunity's upcoming rollup equal to the aggregate of its shifts,
 * with its opportunity's search vector (0026); `recompute_rollups()` (after a bulk load) agrees; the
 * minute job refreshes a rollup whose next shift has begun.
 */
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildCenter,
  buildMunicipality,
  buildRegion,
  buildUser,
} from '../../../../test/support/factories.js';
import { SIGNUP_STATUSES } from '../../../shared/contracts/signups.js';
import { down as down0026, up as up0026 } from '../../migrations/0026_rollup_search_vector.js';
import type { Database } from '../../platform/db/schema.js';
import { refreshStaleRollups } from './rollups.repo.js';

type Db = Kysely<Database>;
const STATUSES = SIGNUP_STATUSES;

/** Rows where the kept figures differ from a count from scratch (empty when all agree). */
async function disagreements(db: Db) {
  const shifts = await sql<{ id: string; taken: number; counted: number }>`
    select s.id, s.taken,
      (select count(*)::int from signups g where g.shift_id = s.id and g.status in ('confirmed', 'offered', 'attended'))
      + (select count(*)::int from shift_walk_ins w where w.shift_id = s.id and w.removed_at is null) as counted
    from shifts s`.execute(db);
  const rollups = await sql<{ id: string }>`
    select o.id from opportunities o
    left join opportunity_rollups x on x.opportunity_id = o.id
    left join lateral (
      select min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n
      from shifts s where s.opportunity_id = o.id and s.status = 'scheduled' and s.starts_at > x.rollup_at
        and o.status = 'published'
        and exists (select 1 from centers c where c.id = o.center_id and c.status = 'active')) r on true
    where (exists (select 1 from shifts s where s.opportunity_id = o.id) and x.opportunity_id is null)
      or x.next_shift_at is distinct from r.next_at or x.last_shift_at is distinct from r.last_at
      or x.upcoming_shifts <> r.n
      or (x.opportunity_id is not null and x.search_vector is distinct from o.search_vector)`.execute(db);
  return {
    shifts: shifts.rows.filter((s) => s.taken !== s.counted),
    opportunities: rollups.rows.map((r) => r.id),
  };
}

describe('places held and upcoming rollups', () => {
  let t: TestPlatform;
  let centerId: string;
  let users: string[];

  beforeAll(async () => {
    t = await createTestPlatform();
    const region = await buildRegion(t.db);
    const town = await buildMunicipality(t.db, { regionId: region.id });
    centerId = (await buildCenter(t.db, { municipalityId: town.id })).id;
    users = [];
    for (let i = 0; i < 6; i++) users.push((await buildUser(t.db, { role: 'volunteer' })).id);
  });
  afterAll(() => t?.close());

  /** Two opportunities with three shifts each: past, soon and later (by the database's clock). */
  async function scene() {
    await sql`update centers set status = 'active' where id = ${centerId}`.execute(t.db);
    const opportunities: string[] = [];
    const shifts: string[] = [];
    for (let o = 0; o < 2; o++) {
      const opp = await t.db
        .insertInto('opportunities')
        .values({ center_id: centerId, title: `Субботник ${o}`, status: 'published' })
        .returning('id')
        .executeTakeFirstOrThrow();
      opportunities.push(opp.id);
      for (const hours of [-30, 20, 200]) {
        const s = await sql<{ id: string }>`
          insert into shifts (opportunity_id, starts_at, ends_at, capacity)
          values (${opp.id}, now() + ${`${hours} hours`}::interval, now() + ${`${hours + 3} hours`}::interval, 4)
          returning id`.execute(t.db);
        shifts.push(s.rows[0]?.id ?? '');
      }
    }
    return { opportunities, shifts };
  }

  const operation = fc.oneof(
    fc.record({
      kind: fc.constant('signup' as const),
      shift: fc.nat(5),
      user: fc.nat(5),
      status: fc.constantFrom(...STATUSES),
    }),
    fc.record({
      kind: fc.constant('status' as const),
      pick: fc.nat(50),
      status: fc.constantFrom(...STATUSES),
    }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(50), shift: fc.nat(5) }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(50) }),
    fc.record({ kind: fc.constant('walkIn' as const), shift: fc.nat(5) }),
    fc.record({ kind: fc.constant('removeWalkIn' as const), pick: fc.nat(50) }),
    fc.record({
      kind: fc.constant('capacity' as const),
      shift: fc.nat(5),
      capacity: fc.integer({ min: 1, max: 9 }),
    }),
    fc.record({ kind: fc.constant('cancelShift' as const), shift: fc.nat(5), cancelled: fc.boolean() }),
    fc.record({ kind: fc.constant('centre' as const), active: fc.boolean() }),
    fc.record({
      kind: fc.constant('publish' as const),
      opportunity: fc.nat(1),
      status: fc.constantFrom('draft', 'published', 'cancelled'),
    }),
    fc.record({
      kind: fc.constant('retitle' as const),
      opportunity: fc.nat(1),
      title: fc.constantFrom('Субботник в парке', 'Уборка берега', 'Ёлка во дворе'),
      description: fc.constantFrom('', 'Нужны волонтёры', 'Возьмите перчатки'),
    }),
    fc.record({
      kind: fc.constant('reschedule' as const),
      shift: fc.nat(5),
      hours: fc.integer({ min: -50, max: 300 }),
    }),
  );
  type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

  async function apply(db: Db, shifts: string[], op: Operation, opportunities: string[] = []) {
    const nth = async (table: 'signups' | 'shift_walk_ins', pick: number) => {
      const rows = await sql<{ id: string }>`select id from ${sql.table(table)} order by id`.execute(db);
      return rows.rows.length ? (rows.rows[pick % rows.rows.length]?.id ?? null) : null;
    };
    const extra = (status: string) => ({
      offered_until: status === 'offered' ? new Date(Date.now() + 3_600_000) : null,
      cancelled_by: status === 'cancelled' ? ('volunteer' as const) : null,
    });
    switch (op.kind) {
      case 'signup': {
        await sql`insert into signups (shift_id, user_id, status, offered_until, cancelled_by, created_at, updated_at)
          values (${shifts[op.shift]}, ${users[op.user]}, ${op.status}, ${extra(op.status).offered_until},
            ${extra(op.status).cancelled_by}, now(), now())
          on conflict do nothing`.execute(db);
        return;
      }
      case 'status': {
        const id = await nth('signups', op.pick);
        if (!id) return;
        const e = extra(op.status);
        await sql`update signups set status = ${op.status}, offered_until = ${e.offered_until},
          cancelled_by = ${e.cancelled_by} where id = ${id}
          and (${op.status} = 'cancelled' or not exists (select 1 from signups o where o.id <> ${id}
            and o.user_id = signups.user_id and o.shift_id = signups.shift_id and o.status <> 'cancelled'))`.execute(
          db,
        );
        return;
      }
      case 'move': {
        const id = await nth('signups', op.pick);
        if (!id) return;
        await sql`update signups set shift_id = ${shifts[op.shift]} where id = ${id} and (status = 'cancelled'
          or not exists (select 1 from signups o where o.user_id = signups.user_id and o.shift_id = ${shifts[op.shift]}
            and o.status <> 'cancelled'))`.execute(db);
        return;
      }
      case 'delete': {
        const id = await nth('signups', op.pick);
        if (id) await sql`delete from signups where id = ${id}`.execute(db);
        return;
      }
      case 'walkIn':
        await sql`insert into shift_walk_ins (shift_id, full_name, checked_in_at, created_at)
          values (${shifts[op.shift]}, 'Гость Пришедший', now(), now())`.execute(db);
        return;
      case 'removeWalkIn': {
        const id = await nth('shift_walk_ins', op.pick);
        if (id)
          await sql`update shift_walk_ins set removed_at = now(), removal_reason = 'ошибка'
            where id = ${id} and removed_at is null`.execute(db);
        return;
      }
      case 'capacity':
        await sql`update shifts set capacity = ${op.capacity} where id = ${shifts[op.shift]}`.execute(db);
        return;
      case 'cancelShift':
        await sql`update shifts set status = ${op.cancelled ? 'cancelled' : 'scheduled'} where id = ${shifts[op.shift]}`.execute(
          db,
        );
        return;
      case 'centre':
        await sql`update centers set status = ${op.active ? 'active' : 'suspended'} where id = ${centerId}`.execute(
          db,
        );
        return;
      case 'publish':
        await sql`update opportunities set status = ${op.status} where id = ${opportunities[op.opportunity] ?? ''}`.execute(
          db,
        );
        return;
      case 'retitle':
        await sql`update opportunities set title = ${op.title}, description = ${op.description}
          where id = ${opportunities[op.opportunity] ?? ''}`.execute(db);
        return;
      case 'reschedule':
        await sql`update shifts set starts_at = now() + ${`${op.hours} hours`}::interval,
          ends_at = now() + ${`${op.hours + 2} hours`}::interval where id = ${shifts[op.shift]}`.execute(db);
        return;
    }
  }

  it('stay equal to a count from scratch through any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        await sql`truncate signups, shift_walk_ins, shifts, opportunities cascade`.execute(t.db);
        const { shifts, opportunities } = await scene();
        for (const op of ops) await apply(t.db, shifts, op, opportunities);
        expect(await disagreements(t.db)).toEqual({ shifts: [], opportunities: [] });
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('hold when the changes run in concurrent transactions', async () => {
    await sql`truncate signups, shift_walk_ins, shifts, opportunities cascade`.execute(t.db);
    const { shifts } = await scene();
    // each volunteer signs up for every shift and cancels again, all at once
    await Promise.all(
      users.map((user) =>
        t.db.transaction().execute(async (trx) => {
          for (const shift of shifts) {
            await sql`insert into signups (shift_id, user_id, status, created_at, updated_at)
              values (${shift}, ${user}, 'confirmed', now(), now())`.execute(trx);
          }
          await sql`update signups set status = 'cancelled', cancelled_by = 'volunteer'
            where user_id = ${user} and shift_id = ${shifts[1]}`.execute(trx);
        }),
      ),
    );
    const taken = await t.db.selectFrom('shifts').select(['id', 'taken']).execute();
    expect(taken.find((s) => s.id === shifts[1])?.taken).toBe(0);
    expect(taken.find((s) => s.id === shifts[2])?.taken).toBe(users.length);
    expect(await disagreements(t.db)).toEqual({ shifts: [], opportunities: [] });
  });

  it('are rebuilt by recompute_rollups() after a bulk load with the triggers quiet', async () => {
    await sql`truncate signups, shift_walk_ins, shifts, opportunities cascade`.execute(t.db);
    await t.db.connection().execute(async (c) => {
      await sql`select set_config('dobroset.bulk_load', 'on', false)`.execute(c);
      const { shifts } = await sceneOn(c);
      for (const user of users.slice(0, 3))
        await sql`insert into signups (shift_id, user_id, status, created_at, updated_at)
          values (${shifts[1]}, ${user}, 'confirmed', now(), now())`.execute(c);
      const quiet = await disagreements(c);
      expect(quiet.shifts.length).toBeGreaterThan(0);
      await sql`select recompute_rollups()`.execute(c);
      await sql`select set_config('dobroset.bulk_load', '', false)`.execute(c);
      expect(await disagreements(c)).toEqual({ shifts: [], opportunities: [] });
      const setting = await sql<{
        v: string;
      }>`select current_setting('dobroset.bulk_load', true) as v`.execute(c);
      expect(setting.rows[0]?.v).toBe('');
    });
  });

  it('is refreshed by the minute job once the next shift has begun', async () => {
    await sql`truncate signups, shift_walk_ins, shifts, opportunities cascade`.execute(t.db);
    const { opportunities } = await scene();
    // as if time had passed: the rollup was taken two days ago and its next shift (then) has begun
    await t.db.connection().execute(async (c) => {
      await sql`select set_config('dobroset.bulk_load', 'on', false)`.execute(c);
      await sql`update opportunity_rollups set next_shift_at = now() - interval '1 hour',
        rollup_at = now() - interval '2 days', upcoming_shifts = 3
        where opportunity_id = ${opportunities[0]}`.execute(c);
      await sql`select set_config('dobroset.bulk_load', '', false)`.execute(c);
    });
    expect(await refreshStaleRollups(t.db)).toBe(1);
    const row = await t.db
      .selectFrom('opportunity_rollups')
      .select(['upcoming_shifts', 'next_shift_at'])
      .where('opportunity_id', '=', opportunities[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(row.upcoming_shifts).toBe(2);
    expect(row.next_shift_at?.getTime()).toBeGreaterThan(Date.now());
    expect(await refreshStaleRollups(t.db)).toBe(0);
    expect(await disagreements(t.db)).toEqual({ shifts: [], opportunities: [] });
  });

  it('keep their words through a down and up of migration 0026', async () => {
    await sql`truncate signups, shift_walk_ins, shifts, opportunities cascade`.execute(t.db);
    const { opportunities } = await scene();
    await down0026(t.db as never);
    const columns = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
      where table_name = 'opportunity_rollups' and column_name = 'search_vector'`.execute(t.db);
    expect(columns.rows[0]?.n).toBe(0);
    // 0024's functions and trigger again: a rename, a new shift and a status change still work
    await sql`update opportunities set title = 'Уборка берега', status = 'draft'
      where id = ${opportunities[0]}`.execute(t.db);
    await up0026(t.db as never);
    expect(await disagreements(t.db)).toEqual({ shifts: [], opportunities: [] });
    await sql`update opportunities set title = 'Посадка кедров', status = 'published'
      where id = ${opportunities[0]}`.execute(t.db);
    expect(await disagreements(t.db)).toEqual({ shifts: [], opportunities: [] });
    const words = await sql<{
      found: boolean;
    }>`select search_vector @@ to_tsquery('russian', 'кедры') as found
      from opportunity_rollups where opportunity_id = ${opportunities[0]}`.execute(t.db);
    expect(words.rows[0]?.found).toBe(true);
  });

  /** The scene, on one connection (the bulk-load setting is per session). */
  async function sceneOn(c: Db) {
    const opp = await c
      .insertInto('opportunities')
      .values({ center_id: centerId, title: 'Навещаем пожилых', status: 'published' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shifts: string[] = [];
    for (const hours of [-30, 20, 200]) {
      const s = await sql<{ id: string }>`
        insert into shifts (opportunity_id, starts_at, ends_at, capacity)
        values (${opp.id}, now() + ${`${hours} hours`}::interval, now() + ${`${hours + 3} hours`}::interval, 4)
        returning id`.execute(c);
      shifts.push(s.rows[0]?.id ?? '');
    }
    return { shifts };
  }
});
