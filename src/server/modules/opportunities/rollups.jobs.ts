/**
 * The upcoming rollup of each opportunity (migration 0021) is refreshed by triggers whenever a shift or a
 * signup changes. Time passing changes it too: when an opportunity's next shift begins, the rollup stops
 * being valid (searches then compute that opportunity's figures from its shifts). This minute schedule
 * refreshes those rollups; one job per tick for the whole cluster (pg-boss schedule in the database).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { refreshStaleRollups } from './rollups.repo.js';

export const ROLLUPS_QUEUE = 'opportunities-rollups';
export const ROLLUPS_CRON = '* * * * *';

export function defineRollupJobs(jobs: Jobs, db: Kysely<Database>): void {
  jobs.define<Record<string, never>>(
    ROLLUPS_QUEUE,
    { retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true },
    async () => {
      await refreshStaleRollups(db);
    },
  );
  jobs.schedule(ROLLUPS_QUEUE, ROLLUPS_CRON);
}
