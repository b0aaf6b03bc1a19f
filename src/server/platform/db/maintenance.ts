/**
 * The embedded database has no autovacuum: without one, the planner's statistics never follow the data
 * (a region's search went from 12 to 44 ms per request on statistics a few bench runs old), dead rows
 * are never reclaimed (every signup rewrites its shift's `taken`) and no page is marked all-visible, so an
 * index-only scan visits the table for every row (a deep page of the catalogue: 17 ms instead of 5). On
 * PGlite a scheduled job does what autovacuum would, with autovacuum's default thresholds: ANALYZE a table
 * once the rows changed since its last analyze exceed 50 + 10 % of its rows; VACUUM (and ANALYZE) it once
 * its dead rows exceed 50 + 20 %, or the rows inserted since its last vacuum 1,000 + 20 %, or fewer than
 * half of its pages (of 128 or more) are all-visible.
 * Those counters live in the process that made the changes: a restart forgets them (an upgrade's
 * migration that rewrote a table, a restore, yesterday's signups). So the job's first run in a process
 * analyzes every table first: ANALYZE estimates the dead rows and counts the all-visible pages again.
 * On PostgreSQL the server's own autovacuum does this; the job is not defined there.
 */
import { type Kysely, sql } from 'kysely';
import type { Jobs } from '../jobs/jobs.js';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

export const MAINTENANCE_QUEUE = 'db-maintenance';

/** Autovacuum's defaults (`autovacuum_*_threshold` and `*_scale_factor`). */
const ANALYZE = { threshold: 50, scale: 0.1 };
const VACUUM = { threshold: 50, scale: 0.2 };
const VACUUM_INSERTS = { threshold: 1000, scale: 0.2 };
/** Not autovacuum's: a table whose pages are mostly not all-visible (as the last ANALYZE counted). */
const ALL_VISIBLE = { minPages: 128, fraction: 0.5 };

export type TableDue = { schema: string; table: string; vacuum: boolean };

/** Tables (any schema but the system's) whose statistics or dead rows are past the thresholds. */
export async function tablesDue(db: Kysely<Database>): Promise<TableDue[]> {
  // this process's own counters are the statistics of the embedded database: flush them first
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const vacuum = sql`(s.n_dead_tup > ${VACUUM.threshold} + ${VACUUM.scale} * greatest(c.reltuples, 0)
    or s.n_ins_since_vacuum > ${VACUUM_INSERTS.threshold} + ${VACUUM_INSERTS.scale} * greatest(c.reltuples, 0)
    or (c.relpages >= ${ALL_VISIBLE.minPages} and c.relallvisible < ${ALL_VISIBLE.fraction}::float8 * c.relpages))`;
  const rows = await sql<{ schema: string; table: string; vacuum: boolean }>`
    select s.schemaname as schema, s.relname as table, ${vacuum} as vacuum
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where ${vacuum}
       or s.n_mod_since_analyze > ${ANALYZE.threshold} + ${ANALYZE.scale} * greatest(c.reltuples, 0)
    order by s.schemaname, s.relname`.execute(db);
  return rows.rows;
}

/**
 * VACUUM (ANALYZE) or ANALYZE each table that is due; returns what was done. `analyzeFirst`: ANALYZE every
 * table before (the first run in a process, whose counters know nothing of earlier processes).
 */
export async function maintain(
  db: Kysely<Database>,
  options: { analyzeFirst?: boolean } = {},
): Promise<TableDue[]> {
  if (options.analyzeFirst) await sql`analyze`.execute(db);
  const due = await tablesDue(db);
  for (const t of due) {
    const name = sql`${sql.id(t.schema)}.${sql.id(t.table)}`;
    if (t.vacuum) await sql`vacuum (analyze) ${name}`.execute(db);
    else await sql`analyze ${name}`.execute(db);
  }
  return due;
}

/** On the embedded database: the maintenance every 10 minutes, one job for the installation. */
export function defineMaintenance(
  jobs: Jobs,
  deps: { handle: DatabaseHandle; log: { info(o: object, m: string): void } },
) {
  if (deps.handle.kind !== 'pglite') return;
  let first = true;
  jobs.define<Record<string, never>>(
    MAINTENANCE_QUEUE,
    { retryLimit: 1, retryDelaySeconds: 60, retryBackoff: false, pollSeconds: 60 },
    async () => {
      const done = await maintain(deps.handle.db, { analyzeFirst: first });
      first = false;
      if (done.length > 0)
        deps.log.info(
          {
            vacuumed: done.filter((t) => t.vacuum).map((t) => `${t.schema}.${t.table}`),
            analyzed: done.filter((t) => !t.vacuum).map((t) => `${t.schema}.${t.table}`),
          },
          'embedded database maintained',
        );
    },
  );
  jobs.schedule(MAINTENANCE_QUEUE, '*/10 * * * *');
}
