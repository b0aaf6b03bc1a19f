/**
 * Two app instances on one PostgreSQL (`npm run test:pg` only; the setup is `./two-instances.ts`): signups
 * and scheduled jobs. Nothing here depends on the machine's speed: the waits end as soon as the database
 * shows what is expected, their deadlines only guard against a hang.
 *
 * - Signups: a crowd signs up at once for one shift through both instances; exactly `capacity` are
 *   confirmed, the rest waitlisted after them in arrival order, and a freed place goes to the first of the
 *   waitlist, whichever instance runs the job.
 * - Jobs: every pg-boss schedule (their cron set to every minute for the test) makes one job per tick for
 *   the cluster, and each runs once; the reminders they send reach each person once.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCenter } from '../support/factories.js';
import { sleep } from '../support/processes.js';
import { buildShift } from '../support/signups.fixtures.js';
import { buildVolunteerCrowd, type CrowdMember } from '../support/volunteer-crowd.js';
import { DAY, itStopsCleanly, post, setupTwoInstances } from './two-instances.js';

const HOUR = 3_600_000;

const setup = setupTwoInstances();
let ticksBefore: Snapshot;

beforeAll(async () => {
  ticksBefore = await quietSnapshot();
}, 300_000);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

describe('two instances behind a round-robin proxy', () => {
  let crowd: CrowdMember[] = [];

  it('a crowd signing up at once through both never overbooks; the waitlist keeps arrival order', async () => {
    const capacity = 6;
    const center = await buildCenter(setup.db);
    const shift = await buildShift(setup.db, {
      centerId: center.id,
      startsAt: new Date(Date.now() + 20 * DAY),
      capacity,
    });
    crowd = await buildVolunteerCrowd(setup.db, 40);
    const answers = await Promise.all(
      crowd.map((m, i) =>
        post(setup.via(), `/api/shifts/${shift.id}/signups`, {
          body: {},
          cookie: m.cookie,
          key: `s-${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.backend))).toEqual(new Set(['0', '1']));
    const told = new Map(answers.map((a) => [a.json.signup?.id as string, a.json.signup?.status as string]));
    expect([...told.values()].filter((s) => s === 'confirmed')).toHaveLength(capacity);
    expect([...told.values()].filter((s) => s === 'waitlisted')).toHaveLength(crowd.length - capacity);

    const rows = await setup.db
      .selectFrom('signups')
      .select(['id', 'seq', 'status', 'user_id'])
      .where('shift_id', '=', shift.id)
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(crowd.length);
    expect(new Map(rows.map((r) => [r.id, r.status as string]))).toEqual(told);
    // The place is decided under the shift's row lock, and the arrival number is drawn under it too: every
    // confirmed signup came before every waitlisted one.
    const confirmedSeq = rows.filter((r) => r.status === 'confirmed').map((r) => Number(r.seq));
    const waitlisted = rows.filter((r) => r.status === 'waitlisted');
    expect(Math.max(...confirmedSeq)).toBeLessThan(Math.min(...waitlisted.map((r) => Number(r.seq))));

    // A confirmed volunteer cancels through the proxy; the promote job (run by whichever instance takes it)
    // offers the place to the head of the waitlist, and to nobody else.
    const leaving = rows.find((r) => r.status === 'confirmed');
    const leaver = crowd.find((m) => m.userId === leaving?.user_id) as CrowdMember;
    const cancel = await post(setup.via(), `/api/signups/${leaving?.id}/cancel`, {
      body: { reason: 'Не смогу прийти' },
      cookie: leaver.cookie,
      key: 'cancel-1',
    });
    expect(cancel.status).toBe(200);
    const offered = await waitFor(
      'the freed place to be offered',
      async () => {
        const r = await setup.db
          .selectFrom('signups')
          .select(['id', 'user_id'])
          .where('shift_id', '=', shift.id)
          .where('status', '=', 'offered')
          .execute();
        return r.length > 0 ? r : undefined;
      },
      180,
    );
    expect(offered.map((o) => o.id)).toEqual([waitlisted[0]?.id]);
    const head = crowd.find((m) => m.userId === offered[0]?.user_id) as CrowdMember;
    const accept = await post(setup.via(), `/api/signups/${offered[0]?.id}/accept`, {
      cookie: head.cookie,
      key: 'accept-1',
    });
    expect(accept.status).toBe(200);
    expect(accept.json.signup?.status).toBe('confirmed');
    const held = await setup.db
      .selectFrom('signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shift_id', '=', shift.id)
      .where('status', 'in', ['confirmed', 'offered', 'attended'])
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(capacity);
  });

  it('every schedule makes one job per tick for the cluster, each run once, its effect once', async () => {
    // Confirmed three days ago for a shift in 12 hours: each of them is due one 24-hour reminder.
    const center = await buildCenter(setup.db);
    const soon = await buildShift(setup.db, {
      centerId: center.id,
      startsAt: new Date(Date.now() + 12 * HOUR),
    });
    const reminded = crowd.slice(0, 8);
    const long = new Date(Date.now() - 3 * DAY);
    await setup.db
      .insertInto('signups')
      .values(
        reminded.map((m) => ({
          shift_id: soon.id,
          user_id: m.userId,
          status: 'confirmed' as const,
          created_at: long,
          updated_at: long,
        })),
      )
      .execute();

    const scheduled = (await sql<{ name: string }>`select name from pgboss.schedule`.execute(setup.db)).rows;
    const names = scheduled.map((s) => s.name).sort();
    expect(names).toEqual(
      expect.arrayContaining(['idempotency-sweep', 'mail-requeue', 'signups-expire', 'signups-remind']),
    );
    // Two ticks of every schedule after the first snapshot, their jobs done (a sweep's worker polls every
    // few seconds, the idempotency sweep's every 30 s).
    const after = await waitFor(
      'two ticks of every schedule, their jobs completed',
      async () => {
        const now = await quietSnapshot();
        const fresh = freshTicks(ticksBefore, now);
        const done = names.every((n) => (fresh.get(n) ?? []).length >= 2);
        const open = [...now.jobs.entries()].filter(
          ([id, j]) => !ticksBefore.jobs.has(id) && j.state !== 'completed',
        );
        return done && open.length === 0 ? now : undefined;
      },
      420,
    );
    const fresh = freshTicks(ticksBefore, after);
    for (const name of names) {
      const ticks = fresh.get(name) ?? [];
      const jobs = [...after.jobs.entries()].filter(
        ([id, j]) => j.queue === name && !ticksBefore.jobs.has(id),
      );
      // one job per tick, not one per instance; each completed (run once, by one instance)
      expect({ name, jobs: jobs.length }).toEqual({ name, jobs: ticks.length });
      expect(jobs.every(([, j]) => j.state === 'completed' && j.retries === 0)).toBe(true);
      // at most one tick per minute, also counting the ones before the test
      const slots = [...after.ticks.values()].filter((t) => t.queue === name).map((t) => t.slot);
      expect(new Set(slots).size).toBe(slots.length);
    }

    // The reminder sweep ran at least twice on the cluster: each person got exactly one reminder.
    const notices = await setup.db
      .selectFrom('notifications')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'signup.reminder_24h')
      .where(
        'user_id',
        'in',
        reminded.map((m) => m.userId),
      )
      .groupBy('user_id')
      .execute();
    expect(notices.map((n) => Number(n.n))).toEqual(reminded.map(() => 1));
  }, 600_000);

  itStopsCleanly(setup);
});

type Tick = { queue: string; slot: string; state: string };
type Job = { queue: string; state: string; retries: number };
type Snapshot = { ticks: Map<string, Tick>; jobs: Map<string, Job> };

/**
 * The schedules' ticks (pg-boss's `__pgboss__send-it` jobs, one per schedule and minute) and the jobs of the
 * scheduled queues, read in one statement at a moment when no tick is half-handled (a tick's job is
 * inserted, then the tick is completed), so every completed tick's job is in the same snapshot.
 */
async function quietSnapshot(): Promise<Snapshot> {
  return waitFor(
    'a moment without a tick in flight',
    async () => {
      const { rows } = await sql<{
        id: string;
        name: string;
        target: string | null;
        state: string;
        slot: string | null;
        retries: number;
      }>`
        with everything as (
          select id, name, data, state, singleton_on, retry_count from pgboss.job
          union all
          select id, name, data, state, singleton_on, retry_count from pgboss.archive
        )
        select id::text, name, data->>'name' as target, state::text, singleton_on::text as slot,
               retry_count as retries
          from everything
         where name = '__pgboss__send-it'
            or name in (select name from pgboss.schedule)`.execute(setup.db);
      const ticks = new Map<string, Tick>();
      const jobs = new Map<string, Job>();
      for (const r of rows) {
        if (r.name === '__pgboss__send-it') {
          if (r.state !== 'completed') return undefined;
          ticks.set(r.id, { queue: r.target as string, slot: r.slot as string, state: r.state });
        } else jobs.set(r.id, { queue: r.name, state: r.state, retries: Number(r.retries) });
      }
      return { ticks, jobs };
    },
    120,
  );
}

function freshTicks(before: Snapshot, now: Snapshot): Map<string, Tick[]> {
  const out = new Map<string, Tick[]>();
  for (const [id, tick] of now.ticks) {
    if (before.ticks.has(id)) continue;
    out.set(tick.queue, [...(out.get(tick.queue) ?? []), tick]);
  }
  return out;
}
