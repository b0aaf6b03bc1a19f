/**
 * Two app instances on one PostgreSQL (`npm run test:pg` only): two real `dobroset start` processes,
 * compiled from the current sources, against a private throwaway cluster, with a round-robin proxy in
 * front (request k goes to instance k mod 2). Nothing here depends on the machine's speed: the waits end
 * as soon as the database shows what is expected, their deadlines only guard against a hang.
 *
 * - Signups: a crowd signs up at once for one shift through both instances; exactly `capacity` are
 *   confirmed, the rest waitlisted after them in arrival order, and a freed place goes to the first of the
 *   waitlist, whichever instance runs the job.
 * - Sessions: a login on one instance works on the other; a logout on one ends the session on both.
 * - Rate limits: the login limit per address and the check-in code limit per person are counted once for
 *   the cluster, also for a parallel burst spread over both instances.
 * - Retries: a POST retried with its Idempotency-Key on the other instance gets the first answer, and
 *   twins sent to both at once create one record.
 * - Jobs: every pg-boss schedule (their cron set to every minute for the test) makes one job per tick for
 *   the cluster, and each runs once; the reminders they send reach each person once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres } from '../../src/server/platform/db/database.js';
import type { Database } from '../../src/server/platform/db/schema.js';
import { AUTH_RATE_LIMIT } from '../../src/server/platform/http/security.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { type Cluster, startThrowawayCluster } from '../support/pg-cluster.js';
import { buildShift } from '../support/signups.fixtures.js';
import { withDatabase } from '../support/template.js';
import { buildVolunteerCrowd, type CrowdMember } from '../support/volunteer-crowd.js';
import {
  type Instance,
  type PrivateBuild,
  privateBuild,
  type RoundRobinProxy,
  startInstance,
  startProxy,
} from './instances.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let build: PrivateBuild | null = null;
let cluster: Cluster | null = null;
let tmp: string | null = null;
let handle: DatabaseHandle | null = null;
let db: Kysely<Database>;
const instances: Instance[] = [];
let proxy: RoundRobinProxy | null = null;
let ticksBefore: Snapshot;
/** The proxy's address: requests through it alternate between the instances. */
const via = () => (proxy as RoundRobinProxy).url;

beforeAll(async () => {
  build = privateBuild();
  cluster = await startThrowawayCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database multi');
  await admin.end();
  const url = withDatabase(cluster.url, 'multi');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-multi-'));
  const env = (name: string) => ({
    DATABASE_URL: url,
    DATA_DIR: path.join(tmp as string, name),
    UPLOAD_DIR: path.join(tmp as string, 'uploads'),
  });
  // One after the other, as on an upgrade: the first migrates and seeds, the second finds it done.
  for (const name of ['A', 'B'])
    instances.push(await startInstance(name, (build as PrivateBuild).entry, env(name)));
  proxy = await startProxy(instances.map((i) => i.url));
  handle = await openPostgres(url, 4);
  db = handle.db;
  // Every schedule ticks every minute from now on (pg-boss reads its schedules from the database at each
  // check), so the hourly and five-minute sweeps are seen to tick within minutes.
  await sql`update pgboss.schedule set cron = '* * * * *'`.execute(db);
  ticksBefore = await quietSnapshot();
}, 300_000);

afterAll(async () => {
  await proxy?.close().catch(() => undefined);
  for (const instance of instances) await instance.stop().catch(() => undefined);
  await handle?.close().catch(() => undefined);
  await cluster?.stop();
  build?.remove();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 120_000);

/** The parts of answers the test reads. */
type Body = { code?: string; signup?: { id: string; status: string }; user?: { id: string } };
type Answer = { status: number; json: Body; backend: string | null; headers: Headers };

async function call(
  base: string,
  method: 'GET' | 'POST',
  url: string,
  opts: { body?: unknown; cookie?: string; key?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'x-requested-with': 'dobroset' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  let json: Body = {};
  try {
    json = JSON.parse(text) as Body;
  } catch {
    // not JSON (a proxy error page)
  }
  return { status: res.status, json, backend: res.headers.get('x-backend'), headers: res.headers };
}

/** A POST as a careful client sends it: a 503 is retried after Retry-After with the same key. */
async function post(base: string, url: string, opts: { body?: unknown; cookie?: string; key: string }) {
  for (let attempt = 1; ; attempt++) {
    const answer = await call(base, 'POST', url, opts);
    if (answer.status !== 503 || attempt === 6) return answer;
    await sleep(Number(answer.headers.get('retry-after') ?? '1') * 1000);
  }
}

const sessionFrom = (answer: Answer) => {
  const found = answer.headers.getSetCookie().find((c) => c.startsWith('dobroset_session='));
  if (!found) throw new Error(`no session cookie (status ${answer.status})`);
  return found.split(';')[0] as string;
};

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
  it('a session made on one instance works on the other, and a logout on one ends it on both', async () => {
    const [a, b] = instances as [Instance, Instance];
    const user = await buildUser(db, { role: 'volunteer' });
    const login = await call(a.url, 'POST', '/api/auth/login', {
      body: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = sessionFrom(login);
    const onB = await call(b.url, 'GET', '/api/me', { cookie });
    expect(onB.status).toBe(200);
    expect(onB.json.user?.id).toBe(user.id);

    expect((await call(a.url, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await call(b.url, 'GET', '/api/me', { cookie })).status).toBe(401);
    expect((await call(a.url, 'GET', '/api/me', { cookie })).status).toBe(401);

    // and the other way round: logged in on B, out on B, gone on A
    const again = sessionFrom(
      await call(b.url, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    expect((await call(a.url, 'GET', '/api/me', { cookie: again })).status).toBe(200);
    expect((await call(b.url, 'POST', '/api/auth/logout', { cookie: again })).status).toBe(204);
    expect((await call(a.url, 'GET', '/api/me', { cookie: again })).status).toBe(401);
  });

  let crowd: CrowdMember[] = [];
  let fullShiftId = '';

  it('a crowd signing up at once through both never overbooks; the waitlist keeps arrival order', async () => {
    const capacity = 6;
    const center = await buildCenter(db);
    const shift = await buildShift(db, {
      centerId: center.id,
      startsAt: new Date(Date.now() + 20 * DAY),
      capacity,
    });
    fullShiftId = shift.id;
    crowd = await buildVolunteerCrowd(db, 40);
    const answers = await Promise.all(
      crowd.map((m, i) =>
        post(via(), `/api/shifts/${shift.id}/signups`, {
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

    const rows = await db
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
    const cancel = await post(via(), `/api/signups/${leaving?.id}/cancel`, {
      body: { reason: 'Не смогу прийти' },
      cookie: leaver.cookie,
      key: 'cancel-1',
    });
    expect(cancel.status).toBe(200);
    const offered = await waitFor(
      'the freed place to be offered',
      async () => {
        const r = await db
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
    const accept = await post(via(), `/api/signups/${offered[0]?.id}/accept`, {
      cookie: head.cookie,
      key: 'accept-1',
    });
    expect(accept.status).toBe(200);
    expect(accept.json.signup?.status).toBe('confirmed');
    const held = await db
      .selectFrom('signups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shift_id', '=', shift.id)
      .where('status', 'in', ['confirmed', 'offered', 'attended'])
      .executeTakeFirstOrThrow();
    expect(Number(held.n)).toBe(capacity);
  });

  it('the login limit per address holds for a parallel burst spread over both instances', async () => {
    const attempts = AUTH_RATE_LIMIT.max * 3;
    // A fresh window: the logins of the session test above counted against this address too.
    await db.deleteFrom('rate_limits').where('key', 'like', 'http:POST /api/auth/login:%').execute();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        call(via(), 'POST', '/api/auth/login', {
          body: { email: `nobody-${i}@multi.example`, password: 'not-the-password-1' },
        }),
      ),
    );
    const passed = answers.filter((a) => a.status !== 429);
    expect(passed.map((a) => a.status).filter((s) => s !== 401)).toEqual([]);
    // Both instances refused: each counted against the one counter in the database.
    expect(new Set(answers.filter((a) => a.status === 429).map((a) => a.backend))).toEqual(
      new Set(['0', '1']),
    );
    expect(passed.length).toBeLessThanOrEqual(AUTH_RATE_LIMIT.max);
    // The window is a minute from the first attempt: a burst that took less got exactly the limit.
    if (Date.now() - started < 55_000) expect(passed.length).toBe(AUTH_RATE_LIMIT.max);
  });

  it('the check-in code limit per person holds for a parallel burst spread over both instances', async () => {
    const confirmed = await db
      .selectFrom('signups')
      .select('user_id')
      .where('shift_id', '=', fullShiftId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const member = crowd.find((m) => m.userId === confirmed.user_id) as CrowdMember;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(via(), 'POST', '/api/check-in', {
          body: { shiftId: fullShiftId, code: 'ZZZZZZ' },
          cookie: member.cookie,
        }),
      ),
    );
    const codes = answers.map((a) => a.json.code);
    // 5 codes per person per 15 minutes: five were compared (and wrong), the rest refused before comparing.
    expect(codes.filter((c) => c === 'checkin_code_invalid')).toHaveLength(5);
    expect(codes.filter((c) => c === 'checkin_too_many_attempts')).toHaveLength(7);
    expect(new Set(answers.map((a) => a.backend))).toEqual(new Set(['0', '1']));
  });

  it('a POST retried with its Idempotency-Key on the other instance gets the first answer', async () => {
    const [a, b] = instances as [Instance, Instance];
    const center = await buildCenter(db);
    const shift = await buildShift(db, { centerId: center.id, startsAt: new Date(Date.now() + 30 * DAY) });
    const [first, second] = crowd as [CrowdMember, CrowdMember];
    const url = `/api/shifts/${shift.id}/signups`;

    const original = await post(a.url, url, { body: {}, cookie: first.cookie, key: 'retry-me' });
    expect(original.status).toBe(201);
    const retried = await post(b.url, url, { body: {}, cookie: first.cookie, key: 'retry-me' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotency-replayed')).toBe('true');
    expect(retried.json).toEqual(original.json);

    // Twins at once, one to each instance: one runs; the other waits its turn (409) or gets the answer.
    const twins = await Promise.all([
      call(a.url, 'POST', url, { body: {}, cookie: second.cookie, key: 'twin' }),
      call(b.url, 'POST', url, { body: {}, cookie: second.cookie, key: 'twin' }),
    ]);
    const made = twins.filter((t) => t.status === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    for (const t of twins.filter((t) => t.status !== 201)) {
      expect(t.status).toBe(409);
      expect(t.json.code).toBe('idempotency_in_progress');
    }
    const settled = await post(b.url, url, { body: {}, cookie: second.cookie, key: 'twin' });
    expect(settled.json.signup?.id).toBe(made[0]?.json.signup?.id);
    for (const t of made) expect(t.json.signup?.id).toBe(made[0]?.json.signup?.id);

    const rows = await db
      .selectFrom('signups')
      .select(['user_id'])
      .where('shift_id', '=', shift.id)
      .where('user_id', 'in', [first.userId, second.userId])
      .execute();
    expect(rows.map((r) => r.user_id).sort()).toEqual([first.userId, second.userId].sort());
  });

  it('every schedule makes one job per tick for the cluster, each run once, its effect once', async () => {
    // Confirmed three days ago for a shift in 12 hours: each of them is due one 24-hour reminder.
    const center = await buildCenter(db);
    const soon = await buildShift(db, { centerId: center.id, startsAt: new Date(Date.now() + 12 * HOUR) });
    const reminded = crowd.slice(0, 8);
    const long = new Date(Date.now() - 3 * DAY);
    await db
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

    const scheduled = (await sql<{ name: string }>`select name from pgboss.schedule`.execute(db)).rows;
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
    const notices = await db
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

  it('both instances ran throughout and stop cleanly', async () => {
    for (const instance of instances) expect(instance.crashed(), instance.tail()).toBe(false);
    const served = (proxy as RoundRobinProxy).served;
    expect(served.every((n) => n > 0)).toBe(true);
    for (const instance of [...instances].reverse()) expect(await instance.stop(), instance.tail()).toBe(0);
  }, 120_000);
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
            or name in (select name from pgboss.schedule)`.execute(db);
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
