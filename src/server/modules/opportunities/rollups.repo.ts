/** The refresh of upcoming rollups whose next shift has begun (see rollups.jobs.ts, migration 0021). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** Refreshes the rollups whose next shift has begun; returns how many. */
export async function refreshStaleRollups(db: Kysely<Database>): Promise<number> {
  const result = await sql`
    select refresh_opportunity_rollup(opportunity_id) from opportunity_rollups
    where next_shift_at <= now()`.execute(db);
  return result.rows.length;
}
