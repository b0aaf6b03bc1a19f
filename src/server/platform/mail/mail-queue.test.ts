/** The mail queue: idempotent re-queueing and a worker that delivers a backlog in batches. */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/template.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { createTestClock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { MAIL_QUEUE } from './mailer.js';

async function pendingMail(handle: DatabaseHandle, n: number, prefix: string, createdAt: Date) {
  const rows = Array.from({ length: n }, (_, i) => ({
    to_address: `${prefix}-${i}@example.ru`,
    subject: 'Тема',
    text_body: 'Текст',
    template: 'verify_email',
    created_at: createdAt,
  }));
  const inserted = await handle.db.insertInto('outbox_emails').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

async function jobsFor(handle: DatabaseHandle, ids: string[]) {
  const r = await sql<{ key: string; n: number }>`
    select singleton_key as key, count(*)::int as n from pgboss.job
     where name = ${MAIL_QUEUE} and singleton_key = any(${ids}::text[]) group by singleton_key`.execute(
    handle.db,
  );
  return new Map(r.rows.map((row) => [row.key, row.n]));
}

describe('re-queueing pending mail', () => {
  let handle: DatabaseHandle;
  let runtime: Runtime;
  const clock = createTestClock();
  beforeAll(async () => {
    handle = await openTestDatabase();
    runtime = await createRuntime({
      config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' }),
      log: pino({ level: 'silent' }),
      clock,
      handle,
      work: false,
      webDir: null,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await handle.close();
  });

  it('adds no second job for a message that already has one, however often it runs', async () => {
    const ids = await pendingMail(handle, 3, 'requeue', new Date(clock.now().getTime() - 3_600_000));
    // one of them was dispatched normally after its commit
    await runtime.mailer.dispatch([ids[0] as string]);
    await runtime.mailer.requeuePending();
    await runtime.mailer.requeuePending();
    await runtime.mailer.dispatch([ids[1] as string]);
    const jobs = await jobsFor(handle, ids);
    expect(ids.map((id) => jobs.get(id))).toEqual([1, 1, 1]);
    expect(await runtime.jobs.drain(MAIL_QUEUE)).toBeGreaterThanOrEqual(3);
    const statuses = await handle.db
      .selectFrom('outbox_emails')
      .select('status')
      .where('id', 'in', ids)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['logged', 'logged', 'logged']);
    // delivered messages are not pending any more: nothing to re-queue
    await runtime.mailer.requeuePending();
    expect([...(await jobsFor(handle, ids)).values()]).toEqual([1, 1, 1]);
  });
});

describe('the mail worker', () => {
  let handle: DatabaseHandle;
  const runtimes: Runtime[] = [];
  const instance = async (work: boolean) => {
    const runtime = await createRuntime({
      config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' }),
      log: pino({ level: 'silent' }),
      handle,
      work,
      webDir: null,
    });
    runtimes.push(runtime);
    return runtime;
  };
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.close();
    await handle.close();
  });

  it('delivers a backlog of 50 messages in batches, not one per poll', async () => {
    // The backlog is queued by an instance without workers; then an instance with a worker starts on it.
    const queuing = await instance(false);
    const ids = await pendingMail(handle, 50, 'backlog', new Date());
    await queuing.mailer.dispatch(ids);
    await instance(true);
    // The deadline only keeps a broken worker from hanging the test: how busy the machine is does not matter.
    const deadline = Date.now() + 120_000;
    let delivered = 0;
    while (Date.now() < deadline) {
      const row = await handle.db
        .selectFrom('outbox_emails')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids)
        .where('status', '=', 'logged')
        .executeTakeFirstOrThrow();
      delivered = Number(row.n);
      if (delivered === ids.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(delivered).toBe(50);
    // One job per fetch (the old worker polled for one a second) is 50 fetches; batches of 20 are three.
    // The jobs of one fetch share its `started_on` (one statement).
    const fetches = await sql<{ n: number }>`
      select count(distinct started_on)::int as n from (
        select started_on from pgboss.job where name = ${MAIL_QUEUE} and singleton_key = any(${ids}::text[])
        union all
        select started_on from pgboss.archive where name = ${MAIL_QUEUE} and singleton_key = any(${ids}::text[])
      ) as fetched`.execute(handle.db);
    expect(fetches.rows[0]?.n).toBe(3);
  });
});
