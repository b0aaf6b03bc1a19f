/**
 * The embedded database has no autovacuum: without one, the planner's statistics never follow the data
 * (a region's search went from 12 to 44 ms per request on statistics a few bench runs old) and dead rows
 * are never reclaimed (every signup rewrites its shift's `taken`). On PGlite a scheduled job does what
 * autovacuum would, with autovacuum's default thresholds: ANALYZE a table once the rows changed since its
 * last analyze exceed 50 + 10 % of its rows, VACUUM (and ANALYZE) it once its dead rows exceed 50 + 20 %.
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

export type TableDue = { schema: string; table: string; vacuum: boolean };

/** Tables (any schema but the system's) whose statistics or dead rows are past the thresholds. */
export async function tablesDue(db: Kysely<Database>): Promise<TableDue[]> {
  // this process's own counters are the statistics of the embedded database: flush them first
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const rows = await sql<{ schema: string; table: string; vacuum: boolean }>`
    select s.schemaname as schema, s.relname as table,
      s.n_dead_tup > ${VACUUM.threshold} + ${VACUUM.scale} * greatest(c.reltuples, 0) as vacuum
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.n_dead_tup > ${VACUUM.threshold} + ${VACUUM.scale} * greatest(c.reltuples, 0)
       or s.n_mod_since_analyze > ${ANALYZE.threshold} + ${ANALYZE.scale} * greatest(c.reltuples, 0)
    order by s.schemaname, s.relname`.execute(db);
  return rows.rows;
}

/** VACUUM (ANALYZE) or ANALYZE each table that is due; returns what was done. */
export async function maintain(db: Kysely<Database>): Promise<TableDue[]> {
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
  jobs.define<Record<string, never>>(
    MAINTENANCE_QUEUE,
    { retryLimit: 1, retryDelaySeconds: 60, retryBackoff: false, pollSeconds: 60 },
    async () => {
      const done = await maintain(deps.handle.db);
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
