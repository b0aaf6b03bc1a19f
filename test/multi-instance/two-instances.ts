/**
 * The setup of the multi-instance tests (`npm run test:pg` only): two real `dobroset start` processes,
 * compiled from the current sources, against a private throwaway cluster, with a round-robin proxy in
 * front (request k goes to instance k mod 2), and the HTTP calls the tests make through it or straight
 * to one instance. Each test file that calls `setupTwoInstances()` gets its own cluster and instances.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres } from '../../src/server/platform/db/database.js';
import type { Database } from '../../src/server/platform/db/schema.js';
import { type Cluster, startThrowawayCluster } from '../support/pg-cluster.js';
import { sleep } from '../support/processes.js';
import { withDatabase } from '../support/template.js';
import {
  type Instance,
  type PrivateBuild,
  privateBuild,
  type RoundRobinProxy,
  startInstance,
  startProxy,
} from './instances.js';

export const DAY = 86_400_000;

export type TwoInstances = {
  db: Kysely<Database>;
  /** A and B, in the order they started. */
  instances: Instance[];
  proxy: RoundRobinProxy;
  /** The proxy's address: requests through it alternate between the instances. */
  via(): string;
};

/**
 * Registers the file's beforeAll / afterAll: build, cluster, database `multi`, instances A and B (one after
 * the other, as on an upgrade: the first migrates and seeds, the second finds it done), the proxy, and a
 * connection of the test's own. Every pg-boss schedule is set to tick every minute.
 */
export function setupTwoInstances(): TwoInstances {
  let build: PrivateBuild | null = null;
  let cluster: Cluster | null = null;
  let tmp: string | null = null;
  let handle: DatabaseHandle | null = null;
  let proxy: RoundRobinProxy | null = null;
  const setup: TwoInstances = {
    db: undefined as unknown as Kysely<Database>,
    instances: [],
    proxy: undefined as unknown as RoundRobinProxy,
    via: () => (proxy as RoundRobinProxy).url,
  };

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
    for (const name of ['A', 'B'])
      setup.instances.push(await startInstance(name, (build as PrivateBuild).entry, env(name)));
    proxy = await startProxy(setup.instances.map((i) => i.url));
    setup.proxy = proxy;
    handle = await openPostgres(url, 4);
    setup.db = handle.db;
    // Every schedule ticks every minute from now on (pg-boss reads its schedules from the database at each
    // check), so the hourly and five-minute sweeps are seen to tick within minutes.
    await sql`update pgboss.schedule set cron = '* * * * *'`.execute(setup.db);
  }, 300_000);

  afterAll(async () => {
    await proxy?.close().catch(() => undefined);
    for (const instance of setup.instances) await instance.stop().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await cluster?.stop();
    build?.remove();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  return setup;
}

/** The last test of a file: neither instance crashed, the proxy used both, both stop with code 0. */
export function itStopsCleanly(setup: TwoInstances) {
  it('both instances ran throughout and stop cleanly', async () => {
    for (const instance of setup.instances) expect(instance.crashed(), instance.tail()).toBe(false);
    const served = setup.proxy.served;
    expect(served.every((n) => n > 0)).toBe(true);
    for (const instance of [...setup.instances].reverse())
      expect(await instance.stop(), instance.tail()).toBe(0);
  }, 120_000);
}

/** The parts of answers the tests read. */
type Body = { code?: string; signup?: { id: string; status: string }; user?: { id: string } };
export type Answer = { status: number; json: Body; backend: string | null; headers: Headers };

export async function call(
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
export async function post(
  base: string,
  url: string,
  opts: { body?: unknown; cookie?: string; key: string },
) {
  for (let attempt = 1; ; attempt++) {
    const answer = await call(base, 'POST', url, opts);
    if (answer.status !== 503 || attempt === 6) return answer;
    await sleep(Number(answer.headers.get('retry-after') ?? '1') * 1000);
  }
}
