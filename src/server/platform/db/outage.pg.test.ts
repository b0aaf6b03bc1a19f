/**
 * PostgreSQL going away under the app (`npm run test:pg` only, as every `*.pg.test.ts`): a private
 * throwaway cluster (the outages would disturb the shared one) is stopped, paused and has its backends
 * terminated while the pool, the HTTP app and the job workers use it. The process must survive each
 * fault, requests must fail fast with 503 problem+json, and everything must recover by itself.
 */
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startThrowawayCluster } from '../../../../test/support/pg-cluster.js';
import { withDatabase } from '../../../../test/support/template.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { loadConfig } from '../config.js';
import { type DatabaseHandle, type DatabaseTimeouts, openPostgres } from './database.js';
import { databaseFault } from './faults.js';

let cluster: Cluster;
let url: string;

/** Tight limits, so a hung server is given up on in about a second. */
const TIMEOUTS: DatabaseTimeouts = {
  connectMs: 1_000,
  statementMs: 1_000,
  lockMs: 500,
  idleInTransactionMs: 5_000,
  queryMs: 1_500,
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Ends every session of the app (pg_terminate_backend), from a connection of its own. */
async function terminateAppConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    const r = await admin.query(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity
        where application_name = 'dobroset' and pid <> pg_backend_pid()`,
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function createDatabase(name: string) {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(cluster.url, name);
}

beforeAll(async () => {
  cluster = await startThrowawayCluster();
  url = await createDatabase('outage');
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('the pool through outages', () => {
  let handle: DatabaseHandle;
  const connectionErrors: Error[] = [];
  beforeAll(async () => {
    handle = await openPostgres(url, 4, {
      timeouts: TIMEOUTS,
      onConnectionError: (e) => connectionErrors.push(e),
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('a backend terminated in the middle of a transaction fails that transaction, not the process', async () => {
    let inside!: () => void;
    const reached = new Promise<void>((r) => {
      inside = r;
    });
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      inside();
      // the connection is checked out and idle while its backend is terminated
      await new Promise((r) => setTimeout(r, 700));
      await sql`select 2`.execute(trx);
    });
    await reached;
    expect(await terminateAppConnections()).toBeGreaterThan(0);
    const error = await transaction.then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseFault(error)).toBe('unavailable');
    expect(connectionErrors.length).toBeGreaterThan(0);
    // the pool opens new connections by itself
    const r = await sql<{ n: number }>`select 41 + 1 as n`.execute(handle.db);
    expect(r.rows[0]?.n).toBe(42);
  });

  it('idle pooled connections terminated together are replaced', async () => {
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
    expect(await terminateAppConnections()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const rows = await Promise.all(
      [1, 2, 3, 4].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(handle.db)),
    );
    expect(rows.map((r) => r.rows[0]?.n)).toEqual([1, 2, 3, 4]);
  });

  it('a stopped server fails queries as unavailable; the pool reconnects when it is back', async () => {
    await cluster.halt('fast');
    try {
      const error = await sql`select 1`.execute(handle.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(databaseFault(error)).toBe('unavailable');
      const viaExecutor = await handle.executor.executeSql('select 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(databaseFault(viaExecutor)).toBe('unavailable');
    } finally {
      await cluster.start();
    }
    const r = await sql<{ ok: boolean }>`select true as ok`.execute(handle.db);
    expect(r.rows[0]?.ok).toBe(true);
  });

  it('a hung server (SIGSTOP) is given up on by the client timeout, and that connection is not reused', async () => {
    await sql`select 1`.execute(handle.db);
    cluster.pause();
    let error: unknown = null;
    try {
      error = await sql`select 1`.execute(handle.db).then(
        () => null,
        (e: unknown) => e,
      );
    } finally {
      cluster.resume();
    }
    expect(databaseFault(error)).toBe('unavailable');
    // every connection the pool hands out afterwards answers its own statement
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(handle.db)),
    );
    expect(answers.map((r) => r.rows[0]?.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a statement over the statement timeout and a lock wait over the lock timeout are "busy"', async () => {
    const slow = await sql`select pg_sleep(3)`.execute(handle.db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseFault(slow)).toBe('busy');
    await sql`create table if not exists hot_row (id int primary key, n int)`.execute(handle.db);
    await sql`insert into hot_row values (1, 0) on conflict do nothing`.execute(handle.db);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = handle.db.transaction().execute(async (trx) => {
      await sql`select * from hot_row where id = 1 for update`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    const waiter = await sql`update hot_row set n = n + 1 where id = 1`.execute(handle.db).then(
      () => null,
      (e: unknown) => e,
    );
    release();
    await holder;
    expect(databaseFault(waiter)).toBe('busy');
  });
});

describe('the app through outages', () => {
  let runtime: Runtime;
  let appUrl: string;
  beforeAll(async () => {
    appUrl = await createDatabase('outage_app');
    const config = loadConfig({
      DATABASE_URL: appUrl,
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://localhost:3000',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      DATABASE_LOCK_TIMEOUT_MS: '500',
      DATABASE_QUERY_TIMEOUT_MS: '1500',
      READY_TIMEOUT_MS: '1000',
    });
    runtime = await createRuntime({ config, log: pino({ level: 'silent' }), work: true, webDir: null });
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
  });

  const get = (url: string) => runtime.app.inject({ method: 'GET', url });

  it('while the server is down: 503 problem+json with Retry-After; readiness says unreachable; health stays up', async () => {
    expect((await get('/api/public/service-kinds')).statusCode).toBe(200);
    await cluster.halt('fast');
    try {
      const res = await get('/api/public/service-kinds');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
      const ready = await get('/api/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not_ready', database: 'unreachable' });
      expect((await get('/api/health')).statusCode).toBe(200);
    } finally {
      await cluster.start();
    }
    await waitFor('readiness after the restart', async () =>
      (await get('/api/ready')).statusCode === 200 ? true : undefined,
    );
  });

  it('while the server hangs: readiness answers 503 "timeout" instead of waiting for it', async () => {
    cluster.pause();
    try {
      const ready = await get('/api/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not_ready', database: 'timeout' });
      const res = await get('/api/public/service-kinds');
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('database_unavailable');
    } finally {
      cluster.resume();
    }
    await waitFor('readiness after the pause', async () =>
      (await get('/api/ready')).statusCode === 200 ? true : undefined,
    );
  });

  it('job workers resume by themselves after a stop and start of the server', async () => {
    await cluster.halt('fast');
    // workers poll a database that is not there for a while
    await new Promise((r) => setTimeout(r, 2_500));
    await cluster.start();
    const { id } = await runtime.handle.db
      .insertInto('outbox_emails')
      .values({
        to_address: 'after-outage@example.ru',
        subject: 'Тема',
        text_body: 'Текст',
        template: 'verify_email',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await runtime.mailer.dispatch([id]);
    const status = await waitFor('the mail worker to deliver', async () => {
      const row = await runtime.handle.db
        .selectFrom('outbox_emails')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.status === 'pending' ? undefined : row.status;
    });
    expect(status).toBe('logged');
  });

  it('terminated app connections, idle or busy, cost at most the requests that were using them', async () => {
    const before = await Promise.all([1, 2, 3].map(() => get('/api/public/service-kinds')));
    expect(before.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await terminateAppConnections()).toBeGreaterThan(0);
    await waitFor('a request to succeed after the termination', async () =>
      (await get('/api/public/service-kinds')).statusCode === 200 ? true : undefined,
    );
    const after = await Promise.all([1, 2, 3].map(() => get('/api/public/service-kinds')));
    expect(after.map((r) => r.statusCode)).toEqual([200, 200, 200]);
  });
});
