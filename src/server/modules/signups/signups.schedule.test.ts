/**
 * The periodic sweeps with several instances: two runtimes with workers on one database (two pg-boss
 * instances, as two app processes would have) keep one schedule per sweep in the database, and each tick
 * makes one job for the whole cluster, not one per instance.
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/template.js';
import { loadConfig } from '../../platform/config.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { EXPIRE_CRON, EXPIRE_QUEUE, REMIND_CRON, REMIND_QUEUE } from './signups.jobs.js';

let handle: DatabaseHandle;
const instances: Runtime[] = [];
const startedAt = Date.now();

beforeAll(async () => {
  handle = await openTestDatabase();
  for (let i = 0; i < 2; i++) {
    instances.push(
      await createRuntime({
        config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' }),
        log: pino({ level: 'silent' }),
        handle,
        work: true,
        webDir: null,
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  for (const runtime of instances) await runtime.close();
  await handle.close();
});

const jobsOf = async (queue: string) =>
  (
    await sql<{ created_on: Date; state: string }>`
      select created_on, state::text as state from pgboss.job where name = ${queue}
      union all
      select created_on, state::text from pgboss.archive where name = ${queue}`.execute(handle.db)
  ).rows;

describe('sweeps with two instances on one database', () => {
  it('are schedules in the database, one per sweep', async () => {
    const rows = await sql<{ name: string; cron: string }>`
      select name, cron from pgboss.schedule where name in (${EXPIRE_QUEUE}, ${REMIND_QUEUE}) order by name`.execute(
      handle.db,
    );
    expect(rows.rows).toEqual([
      { name: EXPIRE_QUEUE, cron: EXPIRE_CRON },
      { name: REMIND_QUEUE, cron: REMIND_CRON },
    ]);
  });

  it('make one expiry sweep per minute for the cluster, which one instance runs', async () => {
    // the first tick comes within the schedule check interval (10 s) and the scheduler's poll (5 s) on an
    // idle machine; the deadline leaves room for a busy one (it only ends the wait, the counts decide)
    const deadline = Date.now() + 120_000;
    while ((await jobsOf(EXPIRE_QUEUE)).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    // both instances check the schedule at least once more meanwhile
    await new Promise((r) => setTimeout(r, 12_000));
    const jobs = await jobsOf(EXPIRE_QUEUE);
    const minutesSpanned = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs.length).toBeLessThanOrEqual(minutesSpanned);
    // and each is run by one of the two workers, none left behind
    const settled = Date.now() + 60_000;
    let waiting = jobs.length;
    while (waiting > 0 && Date.now() < settled) {
      waiting = (await jobsOf(EXPIRE_QUEUE)).filter((j) => j.state !== 'completed').length;
      if (waiting > 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(waiting).toBe(0);
  }, 300_000);
});
