/**
 * The embedded database's stand-in for autovacuum: tables past autovacuum's thresholds are found, analyzed
 * or vacuumed, and are no longer due afterwards; on PGlite it runs as a job of the platform.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { MAINTENANCE_QUEUE, maintain, tablesDue } from './maintenance.js';
import type { Database } from './schema.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t?.close());

/** On one connection, so that its own statistics are the ones flushed and read (PostgreSQL has many). */
const onOneConnection = <T>(fn: (db: Kysely<Database>) => Promise<T>) => t.db.connection().execute(fn);

const statsOf = async (db: Kysely<Database>, table: string) => {
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const r = await sql<{ dead: number; changed: number; analyzed: boolean; tuples: number }>`
    select s.n_dead_tup::int as dead, s.n_mod_since_analyze::int as changed,
      (s.last_analyze is not null) as analyzed, c.reltuples::int as tuples
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public' and s.relname = ${table}`.execute(db);
  return r.rows[0];
};

describe('maintenance of the embedded database', () => {
  it('analyzes a table with many new rows and vacuums one with many dead rows', async () => {
    await onOneConnection(async (db) => {
      await sql`create table maintenance_probe (id int primary key, name text)`.execute(db);
      await sql`insert into maintenance_probe select g, 'Волонтёр ' || g from generate_series(1, 2000) g`.execute(
        db,
      );
      let due = await tablesDue(db);
      expect(due).toContainEqual({ schema: 'public', table: 'maintenance_probe', vacuum: false });
      await maintain(db);
      expect(await statsOf(db, 'maintenance_probe')).toMatchObject({
        analyzed: true,
        changed: 0,
        tuples: 2000,
      });
      due = await tablesDue(db);
      expect(due.find((d) => d.table === 'maintenance_probe')).toBeUndefined();

      // 1,500 of 2,000 rows rewritten: dead rows past 50 + 20 %
      await sql`update maintenance_probe set name = name || '!' where id <= 1500`.execute(db);
      due = await tablesDue(db);
      expect(due).toContainEqual({ schema: 'public', table: 'maintenance_probe', vacuum: true });
      await maintain(db);
      expect(await statsOf(db, 'maintenance_probe')).toMatchObject({ dead: 0, changed: 0 });
      expect((await tablesDue(db)).find((d) => d.table === 'maintenance_probe')).toBeUndefined();
      await sql`drop table maintenance_probe`.execute(db);
    });
  });

  it('runs as a job on the embedded database only (PostgreSQL has autovacuum)', async () => {
    if (t.runtime.handle.kind === 'pglite') {
      await sql`insert into users (email, display_name)
        select 'maint-' || g || '@example.ru', 'Участник ' || g from generate_series(1, 500) g`.execute(t.db);
      expect((await tablesDue(t.db)).some((d) => d.table === 'users')).toBe(true);
      await t.runtime.jobs.send(MAINTENANCE_QUEUE, {});
      expect(await t.runtime.jobs.drain(MAINTENANCE_QUEUE)).toBe(1);
      expect((await tablesDue(t.db)).some((d) => d.table === 'users')).toBe(false);
    }
    const queues = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.queue where name = ${MAINTENANCE_QUEUE}`.execute(t.db);
    expect(queues.rows[0]?.n).toBe(t.runtime.handle.kind === 'pglite' ? 1 : 0);
  });
});
