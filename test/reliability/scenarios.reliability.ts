/**
 * The reliability suite (`npm run test:reliability`, not part of `npm test`): real app processes from the
 * build, sustained signups from a bounded load generator on 127.0.0.1, and faults — kill -9 on both
 * databases, PostgreSQL stopped and started, its backends terminated, the server paused, and two app
 * instances on one PostgreSQL behind a round-robin proxy. Afterwards every acknowledged write is looked
 * up in the database. RELIABILITY_MODE=bounded runs a short version (CI); the default runs longer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/server/platform/db/database.js';
import { AUTH_RATE_LIMIT } from '../../src/server/platform/http/security.js';
import { type Cluster, startThrowawayCluster } from '../support/pg-cluster.js';
import { withDatabase } from '../support/template.js';
import {
  type AppProcess,
  type LoadResult,
  runLoad,
  startApp,
  startProxy,
  startSmtpSink,
  waitReady,
} from './harness.js';
import { buildWorld, outbox, type Verdict, verify, type World } from './world.js';

const BOUNDED = process.env.RELIABILITY_MODE === 'bounded';
const P = BOUNDED
  ? { seconds: 12, volunteers: 100, shifts: 8, capacity: 25, concurrency: 12 }
  : { seconds: 45, volunteers: 300, shifts: 12, capacity: 60, concurrency: 24 };

type Row = Verdict & {
  scenario: string;
  load: string;
  faults: string;
  fiveXx: number;
  internal: number;
  mail: string;
  mailDuplicated: number;
  crashed: string[];
  notes: string[];
};
const rows: Row[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-reliability-'));
let cluster: Cluster;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let databases = 0;

beforeAll(async () => {
  cluster = await startThrowawayCluster();
  smtp = await startSmtpSink();
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  await cluster?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  const report = process.env.RELIABILITY_REPORT;
  if (report) fs.writeFileSync(report, JSON.stringify({ mode: BOUNDED ? 'bounded' : 'full', rows }, null, 2));
  else console.log(JSON.stringify(rows, null, 2));
});

type Target = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

async function newTarget(kind: 'pglite' | 'postgres'): Promise<Target> {
  if (kind === 'pglite') return { kind, dataDir: fs.mkdtempSync(path.join(tmp, 'data-')) };
  const name = `reliability_${++databases}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { kind, url: withDatabase(cluster.url, name) };
}

async function openTarget(target: Target): Promise<DatabaseHandle> {
  return target.kind === 'pglite' ? openPglite({ dataDir: target.dataDir }) : openPostgres(target.url, 4);
}

function appEnv(target: Target): Record<string, string> {
  const uploads = fs.mkdtempSync(path.join(tmp, 'uploads-'));
  return {
    ...(target.kind === 'pglite' ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.url }),
    UPLOAD_DIR: uploads,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Dobroset <robot@reliability.example>',
  };
}

/** A fault script runs next to the load; it returns what it did, for the table. */
type Faults = (ctx: {
  apps: AppProcess[];
  restart(i: number): Promise<void>;
  target: Target;
}) => Promise<string>;

async function terminateApp(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    const db = new URL(url).pathname.slice(1);
    const r = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and application_name = 'dobroset'`,
      [db],
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function scenario(
  name: string,
  options: {
    db: 'pglite' | 'postgres';
    instances?: 1 | 2;
    faults: Faults;
    world?: { shifts: number; capacity: number; volunteers: number };
    /** Checks after the load while the apps still run (two instances: sweeps and limits). */
    extra?: (ctx: {
      apps: AppProcess[];
      target: Target;
      entry: string;
      startedAt: Date;
    }) => Promise<string[]>;
    /** Mail must be delivered exactly once (no process was killed, nothing is left to expiry). */
    mailExactlyOnce?: boolean;
  },
): Promise<Row> {
  const target = await newTarget(options.db);
  const setup = await openTarget(target);
  let world: World;
  try {
    world = await buildWorld(setup, {
      shiftCount: options.world?.shifts ?? P.shifts,
      capacity: options.world?.capacity ?? P.capacity,
      volunteers: options.world?.volunteers ?? P.volunteers,
    });
  } finally {
    await setup.close();
  }
  smtp.reset();
  const env = appEnv(target);
  const instances = options.instances ?? 1;
  const apps: AppProcess[] = [];
  const crashed: string[] = [];
  for (let i = 0; i < instances; i++) apps.push(await startApp(`${name}#${i + 1}`, env));
  const proxy = instances > 1 ? await startProxy(apps.map((a) => a.url)) : null;
  const startedAt = new Date();
  const restart = async (i: number) => {
    const old = apps[i] as AppProcess;
    apps[i] = await startApp(old.name, env, Number(new URL(old.url).port));
  };
  const entry = proxy?.url ?? (apps[0] as AppProcess).url;
  let load!: LoadResult;
  let faults = '';
  const notes: string[] = [];
  try {
    const faulted = options.faults({ apps, restart, target });
    [load, faults] = await Promise.all([
      runLoad({
        plan: world.plan,
        target: () => proxy?.url ?? (apps[0] as AppProcess).url,
        concurrency: P.concurrency,
        seconds: P.seconds,
        // writes go on for a while after the last fault (a restart may take a good part of the run)
        until: faulted.then(() => sleep(P.seconds * 400)),
      }),
      faulted,
    ]);
    for (const app of apps) if (app.crashed()) crashed.push(`${app.name}: ${app.tail()}`);
    // the job workers catch up: every message of the run delivered (or given up after retries)
    const settle = Date.now() + 60_000;
    for (const app of apps) await waitReady(app.url, 60).catch(() => undefined);
    if (options.extra) notes.push(...(await options.extra({ apps, target, entry, startedAt })));
    if (options.mailExactlyOnce) {
      const check = await openTarget(target).catch(() => null);
      if (check) {
        try {
          while (Date.now() < settle && ((await outbox(check.db)).pending ?? 0) > 0) await sleep(500);
        } finally {
          await check.close();
        }
      }
    } else if (target.kind === 'postgres') {
      const check = await openTarget(target);
      try {
        while (Date.now() < settle && ((await outbox(check.db)).pending ?? 0) > 0) await sleep(500);
      } finally {
        await check.close();
      }
    } else {
      await sleep(3_000);
    }
  } finally {
    for (const app of apps) {
      if (app.crashed()) crashed.push(`${app.name}: ${app.tail()}`);
      const code = await app.stop();
      if (code !== 0 && !app.crashed()) notes.push(`${app.name} stopped with code ${code}`);
    }
    await proxy?.close();
  }
  const check = await openTarget(target);
  let verdict: Verdict;
  let mail: Record<string, number>;
  try {
    verdict = await verify(check.db, world, load.acks);
    mail = await outbox(check.db);
  } finally {
    await check.close();
  }
  const received = smtp.counts();
  let fiveXx = 0;
  for (const [status, n] of load.statuses) if (status >= 500) fiveXx += n;
  const row: Row = {
    scenario: name,
    load: `${load.requests} req in ${load.seconds.toFixed(0)} s, ${P.concurrency} clients`,
    faults,
    ...verdict,
    fiveXx,
    internal: load.statuses.get(500) ?? 0,
    mail: `${mail.sent ?? 0} sent, ${mail.pending ?? 0} pending`,
    mailDuplicated: received.duplicated,
    crashed,
    notes: [
      ...notes,
      `statuses ${[...load.statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`,
      ...(load.codes.size ? [`answers ${[...load.codes].map(([c, n]) => `${c}×${n}`).join(', ')}`] : []),
      ...(load.networkErrors ? [`network errors ${load.networkErrors}`] : []),
    ],
  };
  rows.push(row);
  return row;
}

function expectSound(row: Row, options: { mailExactlyOnce?: boolean } = {}) {
  expect(row.crashed, 'a process ended by itself').toEqual([]);
  expect(row.acknowledged, 'the load wrote nothing').toBeGreaterThan(0);
  expect({ lost: row.lost, duplicated: row.duplicated, overbooked: row.overbooked }).toEqual({
    lost: 0,
    duplicated: 0,
    overbooked: 0,
  });
  expect(row.internal, '500 internal answers (a database fault not mapped to 503?)').toBe(0);
  expect(
    row.notes.filter((n) => n.includes('stopped with code')),
    'SIGTERM did not end the app cleanly',
  ).toEqual([]);
  if (options.mailExactlyOnce) expect(row.mailDuplicated, 'a mail job ran twice').toBe(0);
}

const at = (fraction: number) => sleep(P.seconds * 1000 * fraction);

describe('reliability', () => {
  it('PGlite: kill -9 under sustained writes, restart on the same data directory', async () => {
    const row = await scenario('pglite kill -9', {
      db: 'pglite',
      faults: async ({ apps, restart }) => {
        const kills = BOUNDED ? 1 : 2;
        for (let k = 0; k < kills; k++) {
          await at(0.3);
          await (apps[0] as AppProcess).kill('SIGKILL');
          await restart(0);
        }
        return `kill -9 ×${kills}, restart`;
      },
    });
    expectSound(row);
  }, 600_000);

  it('PostgreSQL: kill -9 under sustained writes, restart', async () => {
    const row = await scenario('postgres kill -9', {
      db: 'postgres',
      faults: async ({ apps, restart }) => {
        const kills = BOUNDED ? 1 : 2;
        for (let k = 0; k < kills; k++) {
          await at(0.3);
          await (apps[0] as AppProcess).kill('SIGKILL');
          await restart(0);
        }
        return `kill -9 ×${kills}, restart`;
      },
    });
    expectSound(row);
  }, 600_000);

  it('PostgreSQL stopped (pg_ctl stop -m fast) and started mid-load', async () => {
    const row = await scenario('postgres stop/start', {
      db: 'postgres',
      mailExactlyOnce: false,
      faults: async () => {
        await at(0.3);
        await cluster.halt('fast');
        await sleep(BOUNDED ? 3_000 : 8_000);
        await cluster.start();
        return `pg_ctl stop -m fast, ${BOUNDED ? 3 : 8} s down, start`;
      },
    });
    expectSound(row);
    expect(row.mail, 'mail left undelivered after the database came back').toMatch(/ 0 pending$/);
  }, 600_000);

  it("PostgreSQL terminates the app's connections mid-load", async () => {
    const row = await scenario('postgres terminate', {
      db: 'postgres',
      faults: async ({ target }) => {
        let terminated = 0;
        const times = BOUNDED ? 2 : 5;
        for (let k = 0; k < times; k++) {
          await at(0.15);
          terminated += await terminateApp((target as { url: string }).url);
        }
        return `pg_terminate_backend ×${times} (${terminated} connections)`;
      },
    });
    expectSound(row);
    expect(row.mail).toMatch(/ 0 pending$/);
  }, 600_000);

  it('PostgreSQL hangs (SIGSTOP) for a few seconds mid-load', async () => {
    const row = await scenario('postgres SIGSTOP', {
      db: 'postgres',
      faults: async () => {
        await at(0.3);
        cluster.pause();
        await sleep(BOUNDED ? 4_000 : 10_000);
        cluster.resume();
        return `SIGSTOP ${BOUNDED ? 4 : 10} s, SIGCONT`;
      },
    });
    expectSound(row);
    expect(row.mail).toMatch(/ 0 pending$/);
  }, 600_000);

  it('two instances on one PostgreSQL behind a proxy: no overbooking, each job once, limits hold', async () => {
    const row = await scenario('2 instances + proxy', {
      db: 'postgres',
      instances: 2,
      mailExactlyOnce: true,
      // few shifts, small capacity: everyone contends for the same places through both instances
      world: {
        shifts: 4,
        capacity: BOUNDED ? 10 : 20,
        volunteers: BOUNDED ? 80 : 250,
      },
      faults: async () => 'none (two app processes, round-robin)',
      extra: async ({ target, entry, startedAt }) => {
        const notes: string[] = [];
        const db = await openTarget(target);
        try {
          // The expiry sweep is a schedule: one job per minute for the cluster, not one per instance.
          const deadline = Date.now() + 40_000;
          let sweeps: { created_on: Date; state: string }[] = [];
          for (;;) {
            sweeps = (
              await sql<{ created_on: Date; state: string }>`
                select created_on, state::text as state from pgboss.job
                 where name = 'signups-expire' and created_on >= ${startedAt}
                union all
                select created_on, state::text from pgboss.archive
                 where name = 'signups-expire' and created_on >= ${startedAt}`.execute(db.db)
            ).rows;
            if (sweeps.some((s) => s.state === 'completed') || Date.now() > deadline) break;
            await sleep(1_000);
          }
          const minutes = Math.floor(Date.now() / 60_000) - Math.floor(startedAt.getTime() / 60_000) + 1;
          notes.push(`expiry sweeps ${sweeps.length} in ${minutes} minute slot(s)`);
          expect(sweeps.length, 'no scheduled sweep ran').toBeGreaterThan(0);
          expect(sweeps.length, 'a sweep ran more than once per minute').toBeLessThanOrEqual(minutes);
        } finally {
          await db.close();
        }
        // Authentication attempts through both instances count against one limit (kept in PostgreSQL).
        let passed = 0;
        const attempts = AUTH_RATE_LIMIT.max * 3;
        for (let i = 0; i < attempts; i++) {
          const res = await fetch(`${entry}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-requested-with': 'dobroset' },
            body: JSON.stringify({ email: 'nobody@reliability.example', password: 'not-the-password-1' }),
          });
          if (res.status !== 429) passed++;
        }
        notes.push(`login limit ${AUTH_RATE_LIMIT.max}/min: ${passed} of ${attempts} attempts got through`);
        expect(passed, 'the login limit is counted per instance, not for the cluster').toBeLessThanOrEqual(
          AUTH_RATE_LIMIT.max,
        );
        return notes;
      },
    });
    expectSound(row, { mailExactlyOnce: true });
    expect(row.mail).toMatch(/ 0 pending$/);
  }, 600_000);
});
