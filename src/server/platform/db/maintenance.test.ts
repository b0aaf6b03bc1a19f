/**
 * The embedded database's stand-in for autovacuum: tables past autovacuum's thresholds are found, analyzed
 * or vacuumed, and are no longer due afterwards; on PGlite it runs as a job of the platform.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/app.js';
import { MAINTENANCE_QUEUE, maintain, tablesDue } from './maintenance.js';
import type { Database } from './schema.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t?.close());

const embedded = () => t.runtime.handle.kind === 'pglite';

/** On one connection, so that its own statistics are the ones flushed and read (PostgreSQL has many). */
const onOneConnection = <T>(fn: (db: Kysely<Database>) => Promise<T>) => t.db.connection().execute(fn);

const statsOf = async (db: Kysely<Database>, table: string) => {
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const r = await sql<{
    dead: number;
    changed: number;
    analyzed: boolean;
    vacuumed: boolean;
    tuples: number;
  }>`
    select s.n_dead_tup::int as dead, s.n_mod_since_analyze::int as changed,
      (s.last_analyze is not null) as analyzed, (s.last_vacuum is not null) as vacuumed, c.reltuples::int as tuples
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public' and s.relname = ${table}`.execute(db);
  return r.rows[0];
};

/**
 * The table's pages and whether (nearly) all are all-visible, as pg_class counts them. Asked on PGlite
 * only: on PostgreSQL the app's other connections hold snapshots that keep fresh rows from being
 * all-visible to everyone yet.
 */
const pagesOf = async (db: Kysely<Database>, table: string) => {
  const r = await sql<{ pages: number; visible: number }>`
    select relpages as pages, relallvisible as visible from pg_class
    where relname = ${table} and relnamespace = 'public'::regnamespace`.execute(db);
  const row = r.rows[0] ?? { pages: 0, visible: 0 };
  return { pages: row.pages, allVisible: row.pages > 0 && row.visible >= 0.9 * row.pages };
};

/** A table of `rows` rows (`name` from the expression over `g`), with PostgreSQL's own autovacuum off. */
const probeTable = async (db: Kysely<Database>, table: string, rows: number, name: RawBuilder<unknown>) => {
  await sql`create table ${sql.table(table)} (id int primary key, name text)
    with (autovacuum_enabled = false)`.execute(db);
  await sql`insert into ${sql.table(table)} select g, ${name} from generate_series(1, ${rows}) g`.execute(db);
};

describe('maintenance of the embedded database', () => {
  it('analyzes a table with many new rows and vacuums one with many dead rows', async () => {
    await onOneConnection(async (db) => {
      // 900 new rows: past the analyze threshold (50), not the insert one (1,000)
      await probeTable(db, 'maintenance_probe', 900, sql`'Волонтёр ' || g`);
      let due = await tablesDue(db);
      expect(due).toContainEqual({ schema: 'public', table: 'maintenance_probe', vacuum: false });
      await maintain(db);
      expect(await statsOf(db, 'maintenance_probe')).toMatchObject({
        analyzed: true,
        changed: 0,
        tuples: 900,
      });
      due = await tablesDue(db);
      expect(due.find((d) => d.table === 'maintenance_probe')).toBeUndefined();

      // 700 of 900 rows rewritten: dead rows past 50 + 20 %
      await sql`update maintenance_probe set name = name || '!' where id <= 700`.execute(db);
      due = await tablesDue(db);
      expect(due).toContainEqual({ schema: 'public', table: 'maintenance_probe', vacuum: true });
      await maintain(db);
      expect(await statsOf(db, 'maintenance_probe')).toMatchObject({ dead: 0, changed: 0 });
      expect((await tablesDue(db)).find((d) => d.table === 'maintenance_probe')).toBeUndefined();
      await sql`drop table maintenance_probe`.execute(db);
    });
  });

  it('vacuums a table with many new rows, so that its pages are all-visible to index-only scans', async () => {
    await onOneConnection(async (db) => {
      await probeTable(db, 'maintenance_inserts', 3000, sql`'Отряд ' || g`);
      expect(await tablesDue(db)).toContainEqual({
        schema: 'public',
        table: 'maintenance_inserts',
        vacuum: true,
      });
      await maintain(db);
      expect(await statsOf(db, 'maintenance_inserts')).toMatchObject({ vacuumed: true });
      if (embedded()) expect(await pagesOf(db, 'maintenance_inserts')).toMatchObject({ allVisible: true });
      expect((await tablesDue(db)).find((d) => d.table === 'maintenance_inserts')).toBeUndefined();
      await sql`drop table maintenance_inserts`.execute(db);
    });
  });

  it('analyzes everything on its first run, and so vacuums what an earlier process left', async () => {
    await onOneConnection(async (db) => {
      await probeTable(db, 'maintenance_restart', 20000, sql`repeat('Волонтёр ', 8) || g`);
      await sql`vacuum (analyze) maintenance_restart`.execute(db);
      if (embedded()) expect(await pagesOf(db, 'maintenance_restart')).toMatchObject({ allVisible: true });
      // a migration rewrites every row, then the process ends: its counters are gone
      await sql`update maintenance_restart set name = name || '!'`.execute(db);
      await sql`select pg_stat_force_next_flush()`.execute(db);
      await sql`select 1`.execute(db);
      await sql`select pg_stat_reset()`.execute(db);
      if (embedded())
        expect((await tablesDue(db)).find((d) => d.table === 'maintenance_restart')).toBeUndefined();
      const done = await maintain(db, { analyzeFirst: true });
      expect(done).toContainEqual({ schema: 'public', table: 'maintenance_restart', vacuum: true });
      expect(await statsOf(db, 'maintenance_restart')).toMatchObject({ vacuumed: true });
      if (embedded()) {
        expect(await pagesOf(db, 'maintenance_restart')).toMatchObject({ allVisible: true });
        expect(await statsOf(db, 'maintenance_restart')).toMatchObject({ dead: 0 });
      }
      await sql`drop table maintenance_restart`.execute(db);
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
