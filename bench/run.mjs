// `npm run bench` (issue 11): the platform over HTTP, the real server (`node bin/dobroset.mjs start` as a
// child process) under a bounded load generator (autocannon) on 127.0.0.1, on a database made by
// `node bench/data.mjs --scale <scale>`. Each endpoint is measured against its baseline in the same run:
// a bare Fastify server running the same SQL (recorded from the app, in order, with its parameters) through
// a pool of the same size, and a static JSON route. Prints a table and writes bench/results/latest.json.
//
// Usage: npm run bench -- [--database-url URL | --data-dir DIR] [--scale demo|region|nation]
//          [--duration SECONDS=10] [--connections N=50] [--only SUBSTRING] [--skip-lighthouse] [--skip-backup]
//   PostgreSQL: --database-url (or DATABASE_URL); otherwise the embedded PGlite in --data-dir (default
//   data-bench/<scale>, what bench/data.mjs writes). The run adds fixtures to that database: an
//   opportunity with shifts for the signup bursts (far in the future) and one with a shift under way for
//   the check-in desk, with their signups, sessions of the accounts it uses, and audit rows of the exports.
//
// On PGlite the app holds the data directory, so the same-SQL baseline runs after the app has stopped, on
// a PGlite of the runner's own over the same directory (still the same run and the same statements); the
// downloads have a same-SQL baseline on PostgreSQL only, and the backup (read through a connection of its
// own, outside the recorded Kysely) has none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { replayPlan, startBaseline } from './lib/baseline.mjs';
import { captureRequest, createInProcessApp, openRecordingHandle } from './lib/capture.mjs';
import { download, load, pct } from './lib/load.mjs';
import { freePort, killAllNow, startServer, stopAll } from './lib/server.mjs';

ensureBuilt();
const { CONFIG_VARIABLES } = await import(
  pathToFileURL(path.join(root, 'dist/server/platform/config.js')).href
);
const CONFIG_NAMES = CONFIG_VARIABLES.map(([name]) => name);

const { values: opts } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    scale: { type: 'string', default: 'demo' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-backup': { type: 'boolean', default: false },
  },
});
const databaseUrl = opts['database-url'] ?? process.env.DATABASE_URL ?? null;
const scale = opts.scale;
const dataDir = databaseUrl ? null : path.resolve(opts['data-dir'] ?? path.join(root, 'data-bench', scale));
const database = databaseUrl ? 'postgres' : 'pglite';
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const BENCH_DOMAIN = 'bench.dobroset.ru';
const CSRF = { 'x-requested-with': 'dobroset' };
const log = (line) => process.stderr.write(`${line}\n`);
if (!(DURATION > 0) || !(CONNECTIONS > 0)) throw new Error('--duration and --connections must be positive');
if (dataDir && !fs.existsSync(path.join(dataDir, 'pgdata')))
  throw new Error(`No database in ${dataDir}: run \`node bench/data.mjs --scale ${scale}\` first`);
const wanted = (name) => !opts.only || name.includes(opts.only);

// The server's settings for the run: no demo data, the load-shedding queue long enough for a burst of
// 1,000 (the in-flight gate stays at its default) and the pool size the baseline uses too. Any other
// setting of the server (README's table) set in the environment is passed on, e.g. MAX_REQUESTS_IN_FLIGHT.
const FIXED = ['PORT', 'HOST', 'PUBLIC_URL', 'DEMO', 'DATA_DIR', 'DATABASE_URL'];
const SERVER_ENV = {
  MAX_REQUESTS_QUEUED: '5000',
  MAX_QUEUE_WAIT_MS: '60000',
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => CONFIG_NAMES.includes(k) && !FIXED.includes(k) && k !== 'DATABASE_POOL_SIZE',
    ),
  ),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
  DATABASE_POOL_SIZE: String(POOL_SIZE),
};

// Targets of issue 11 (stated for PostgreSQL, region scale, 50 connections).
const TARGETS = {
  search: { text: 'p95 ≤ 25 ms, ≥ 60 % of baseline req/s', met: (r) => r.p95 <= 25 && r.ratio >= 0.6 },
  summary: { text: 'p95 ≤ 15 ms', met: (r) => r.p95 <= 15 },
  coordinator: { text: 'p95 ≤ 30 ms', met: (r) => r.p95 <= 30 },
  dashboard: { text: 'p95 ≤ 100 ms', met: (r) => r.p95 <= 100 },
  burst: {
    text: '≥ 500 signups/s, exactly the capacity confirmed',
    met: (r) => r.reqPerSec >= 500 && r.exact && r.allAnswered,
  },
  export: {
    text: '≥ 100,000 rows/s, RSS growth < 100 MB',
    met: (r) => r.rowsPerSec >= 100_000 && r.rssGrowthMb < 100,
  },
};

const machine = () => ({
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  node: process.version,
  date: new Date().toISOString(),
});

// --- process hygiene: whatever was started ends with the run, also on an error or a signal ---
let baselineServer = null;
let ownHandle = null;
const cleanup = async () => {
  await baselineServer?.close().catch(() => undefined);
  baselineServer = null;
  await stopAll();
  await ownHandle?.close().catch(() => undefined);
  ownHandle = null;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping the server(s) this run started`);
    killAllNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// --- phase 1: in this process — ids, fixtures, sessions, and the SQL of every request ---

async function findIds(db) {
  const one = async (query) => (await query.execute(db)).rows[0];
  const coordinator = await one(sql`select u.id, ra.scope_id as center_id from users u
    join role_assignments ra on ra.user_id = u.id and ra.role = 'center_coordinator'
    where u.email = ${`coordinator-0@${BENCH_DOMAIN}`}`);
  const operator = await one(sql`select id from users where email = ${`operator@${BENCH_DOMAIN}`}`);
  const volunteer = await one(sql`select id from users where email = ${`v0@${BENCH_DOMAIN}`}`);
  if (!coordinator || !operator || !volunteer)
    throw new Error(`The accounts of bench/data.mjs are missing: run it with --scale ${scale} first`);
  const center = await one(sql`select c.id, c.municipality_id, m.slug from centers c
    join municipalities m on m.id = c.municipality_id where c.id = ${coordinator.center_id}`);
  const kemerovo =
    (await one(sql`select id, lat, lon from municipalities where name_ru like 'Кемеровский%' limit 1`)) ??
    (await one(sql`select id, lat, lon from municipalities where lat is not null limit 1`));
  // the roster: the centre's upcoming shift with the most signups
  const rosterShift = await one(sql`select s.id, count(g.id)::int as n from shifts s
    join opportunities o on o.id = s.opportunity_id
    left join signups g on g.shift_id = s.id
    where o.center_id = ${center.id} and s.starts_at > now() and s.status = 'scheduled'
      and o.title not like 'Замер:%'
    group by s.id order by count(g.id) desc, s.id limit 1`);
  const round = await one(sql`select id from monitoring_rounds order by created_at desc limit 1`).catch(
    () => undefined,
  );
  const volunteers = Number(
    (await one(sql`select count(*)::int as n from users where email like ${`v%@${BENCH_DOMAIN}`}`)).n,
  );
  return { coordinator, operator, volunteer, center, kemerovo, rosterShift, round, volunteers };
}

/** v<from>…v<from+count-1>: their user ids, in that order. */
async function volunteerIds(db, from, count) {
  const emails = Array.from({ length: count }, (_, i) => `v${from + i}@${BENCH_DOMAIN}`);
  const rows = (
    await sql`select id, email from users where email = any(${sql.val(emails)}::text[])`.execute(db)
  ).rows;
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return emails.map((e) => byEmail.get(e)).filter(Boolean);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A published auto-signup opportunity at the centre with `count` shifts from `startsAt`, a minute apart. */
async function buildShifts(db, { centerId, title, startsAt, hours, capacity, count, stepMs = 60_000 }) {
  const opp = (
    await sql`insert into opportunities (center_id, title, description, status, signup_mode)
      values (${centerId}, ${title}, 'Замер нагрузки (npm run bench).', 'published', 'auto') returning id`.execute(
      db,
    )
  ).rows[0];
  const rows = (
    await sql`insert into shifts (opportunity_id, starts_at, ends_at, capacity)
      select ${opp.id}, ${startsAt}::timestamptz + i * ${`${stepMs} milliseconds`}::interval,
        ${startsAt}::timestamptz + i * ${`${stepMs} milliseconds`}::interval + ${`${hours} hours`}::interval, ${capacity}
      from generate_series(0, ${count - 1}) i order by i returning id`.execute(db)
  ).rows;
  return rows.map((r) => r.id);
}

async function prepare() {
  const { handle, recorder } = await openRecordingHandle({ root, databaseUrl, dataDir, poolSize: POOL_SIZE });
  ownHandle = handle;
  const runtime = await createInProcessApp({ root, handle, env: { DATABASE_POOL_SIZE: String(POOL_SIZE) } });
  try {
    const { db } = handle;
    const ids = await findIds(db);
    const { sessions } = runtime.services;
    const cookieOf = async (userId) =>
      `dobroset_session=${(await sessions.start(userId, { ip: '127.0.0.1', userAgent: 'npm run bench' })).token}`;
    const cookies = {
      operator: await cookieOf(ids.operator.id),
      coordinator: await cookieOf(ids.coordinator.id),
      volunteer: await cookieOf(ids.volunteer.id),
    };
    const tag = new Date().toISOString().slice(0, 16);

    // The signup bursts: volunteers v0…v(2N-1), shifts on a day of their own
    // far ahead (a different day each run, so earlier runs' signups do not clash).
    const burstN = Math.min(1000, Math.floor(ids.volunteers / 2));
    const bursts = [];
    if (wanted('signup burst') && burstN > 0) {
      const day = 200 + (Math.floor(Date.now() / 60_000) % 5000);
      const base = new Date(Math.floor(Date.now() / DAY + day) * DAY + 3 * HOUR); // 10:00 in Kemerovo
      const people = await volunteerIds(db, 0, 2 * burstN);
      const sessionsFor = async (userIds) => {
        const out = [];
        for (const id of userIds) out.push(await cookieOf(id));
        return out;
      };
      const one = await buildShifts(db, {
        centerId: ids.center.id,
        title: `Замер: запись ${tag}`,
        startsAt: base,
        hours: 3,
        capacity: 50,
        count: 1,
      });
      bursts.push({
        name: `signup burst: ${burstN} at once, one shift of 50`,
        capacity: 50,
        shiftIds: one,
        shiftFor: () => one[0],
        cookies: await sessionsFor(people.slice(0, burstN)),
        expect: { confirmed: 50, waitlisted: burstN - 50 },
      });
      const many = await buildShifts(db, {
        centerId: ids.center.id,
        title: `Замер: запись на 500 смен ${tag}`,
        startsAt: new Date(base.getTime() + DAY),
        hours: 3,
        capacity: 50,
        count: Math.ceil(burstN / 2),
      });
      bursts.push({
        name: `signup burst: ${burstN} at once, ${many.length} shifts (2 each)`,
        capacity: 50,
        shiftIds: many,
        shiftFor: (i) => many[Math.floor(i / 2)],
        cookies: await sessionsFor(people.slice(burstN, 2 * burstN)),
        expect: { confirmed: burstN, waitlisted: 0 },
      });
    }

    // The check-in desk: a shift under way (started 30 min ago) with DESK confirmed volunteers.
    let desk = null;
    if (wanted('check-in')) {
      const DESK = Math.min(300, ids.volunteers);
      const [shiftId] = await buildShifts(db, {
        centerId: ids.center.id,
        title: `Замер: стойка отметки ${tag}`,
        startsAt: new Date(Date.now() - HOUR / 2),
        hours: 3,
        capacity: DESK + 10,
        count: 1,
      });
      const people = await volunteerIds(db, 0, DESK);
      const signupIds = (
        await sql`insert into signups (shift_id, user_id, status, created_by, created_at, updated_at)
          select ${shiftId}, u, 'confirmed', u, now() - interval '3 days', now() - interval '3 days'
          from unnest(${sql.val(people)}::uuid[]) as u returning id`.execute(db)
      ).rows.map((r) => r.id);
      const name = (await sql`select display_name from users where id = ${people[7]}`.execute(db)).rows[0];
      desk = { shiftId, signupIds, q: name.display_name.split(' ')[0] };
    }

    // The endpoints, as the web app calls them.
    const k = ids.kemerovo;
    const search = (q) => `/api/public/opportunities${q ? `?${new URLSearchParams(q)}` : ''}`;
    const get = (name, group, pathname, who) => ({
      name,
      group,
      request: { path: pathname, headers: { ...CSRF, ...(who ? { cookie: cookies[who] } : {}) } },
    });
    const endpoints = [
      get('search: first page', 'search', search()),
      get('search: text', 'search', search({ q: 'субботник' })),
      get(
        'search: text + municipality + free places',
        'search',
        search({ q: 'помощь', municipalityId: k.id, freeOnly: 'true' }),
      ),
      get('search: near me', 'search', search({ lat: k.lat, lon: k.lon, sort: 'distance' })),
      get('search: deep page', 'search', search({ offset: 2000 })),
      get('public: summary', 'summary', '/api/public/summary'),
      get('public: centre page', null, `/api/public/centers/${ids.center.id}`),
      get('public: municipality centres', null, `/api/public/centers?municipality=${ids.center.slug}`),
      get('coordinator: centre week', 'coordinator', `/api/centers/${ids.center.id}/schedule`, 'coordinator'),
      ...(ids.rosterShift
        ? [
            get(
              'coordinator: roster',
              'coordinator',
              `/api/shifts/${ids.rosterShift.id}/roster`,
              'coordinator',
            ),
          ]
        : []),
      get('volunteer: my signups', null, '/api/my/signups', 'volunteer'),
      get('operator: dashboard', 'dashboard', '/api/plan/dashboard', 'operator'),
      ...(desk
        ? [
            get('check-in desk: list', 'coordinator', `/api/shifts/${desk.shiftId}/desk`, 'coordinator'),
            get(
              'check-in desk: name search',
              'coordinator',
              `/api/shifts/${desk.shiftId}/desk?${new URLSearchParams({ q: desk.q })}`,
              'coordinator',
            ),
          ]
        : []),
    ].filter((e) => wanted(e.name));

    // Every file download (the endpoint table's `file` entries) the data can serve.
    const { endpoints: table } = await import(
      pathToFileURL(path.join(root, 'dist/shared/contracts/endpoints.js')).href
    );
    const exportsList = [];
    for (const [key, ep] of Object.entries(table)) {
      if (!ep.file) continue;
      let pathname = null;
      let who = 'operator';
      if (ep.path.startsWith('/api/exports/')) pathname = ep.path;
      else if (ep.path.startsWith('/api/shifts/:id/roster.') && ids.rosterShift) {
        pathname = ep.path.replace(':id', ids.rosterShift.id);
        who = 'coordinator';
      } else if (ep.path.startsWith('/api/monitoring/rounds/:roundId/') && ids.round)
        pathname = ep.path.replace(':roundId', ids.round.id);
      else if (key === 'downloadBackup' && !opts['skip-backup']) pathname = ep.path;
      if (!pathname) continue;
      const name = `export: ${key === 'downloadBackup' ? 'backup (all tables)' : pathname.replace(/^\/api\//, '').replace(/\/[0-9a-f-]{36}\//, '/:id/')}`;
      if (wanted(name))
        exportsList.push({ name, key, request: { path: pathname, headers: { cookie: cookies[who] } } });
    }

    // The SQL of each request, recorded once (the backup reads through a connection of its own: not here).
    const plans = new Map();
    const capture = async (name, request) => {
      const { status, statements, res } = await captureRequest(runtime.app, recorder, request);
      if (status >= 300)
        throw new Error(`${request.method ?? 'GET'} ${request.path}: ${status} ${res.body.slice(0, 300)}`);
      if (statements.length) plans.set(name, replayPlan(statements));
      return statements.length;
    };
    for (const e of endpoints) e.statements = await capture(e.name, e.request);
    for (const e of exportsList)
      if (e.key !== 'downloadBackup') e.statements = await capture(e.name, e.request);
    if (desk && wanted('check-in desk: check in')) {
      // the first signup is checked in here (to record the SQL); the load checks in the others
      await capture('check-in desk: check in', {
        method: 'POST',
        path: `/api/signups/${desk.signupIds[0]}/desk`,
        headers: { ...CSRF, cookie: cookies.coordinator, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'check_in' }),
      });
      desk.cookie = cookies.coordinator;
    }
    return { ids, endpoints, exportsList, bursts, desk, plans };
  } finally {
    await runtime.close();
    await handle.close();
    ownHandle = null;
  }
}

// --- phase 2: the real server under load ---

const rows = [];
function addRow(row, group) {
  const target = group ? TARGETS[group] : null;
  const full = {
    name: row.name,
    database,
    scale,
    connections: row.connections ?? CONNECTIONS,
    p50: round(row.p50),
    p95: round(row.p95),
    p99: round(row.p99),
    reqPerSec: round(row.reqPerSec, 0),
    baselineReqPerSec: row.baselineReqPerSec === undefined ? null : round(row.baselineReqPerSec, 0),
    ratio: row.ratio === undefined || row.ratio === null ? null : round(row.ratio, 2),
    target: target?.text ?? null,
    met: null,
    ...Object.fromEntries(
      Object.entries(row).filter(
        ([k]) => !['name', 'p50', 'p95', 'p99', 'reqPerSec', 'baselineReqPerSec', 'ratio'].includes(k),
      ),
    ),
  };
  // a run without a single answer meets nothing
  if (target) full.met = full.p50 !== null && Boolean(target.met(full));
  // the targets are stated for PostgreSQL at region scale with 50 connections
  full.targetConfig = database === 'postgres' && scale === 'region' && full.connections === 50;
  rows.push(full);
  log(
    `  ${full.name}: p50 ${fmt(full.p50)} p95 ${fmt(full.p95)} p99 ${fmt(full.p99)} ms, ${fmt(full.reqPerSec, 0)} req/s` +
      (full.baselineReqPerSec !== null
        ? ` (baseline ${fmt(full.baselineReqPerSec, 0)}, ×${fmt(full.ratio, 2)})`
        : '') +
      (full.statuses ? ` ${JSON.stringify(full.statuses)}` : ''),
  );
  return full;
}
function round(x, digits = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits));
}
function fmt(x, digits = 1) {
  return x === null || x === undefined ? '—' : x.toFixed(digits);
}

const loadOpts = { connections: CONNECTIONS, duration: DURATION };

async function measureEndpoints(app, prep, baselineUrl) {
  const measured = [];
  for (const e of prep.endpoints) {
    log(`${e.name}: ${e.request.path}`);
    // a short warm-up, then the app and its baseline one after the other with the same load
    await load({
      baseUrl: app.baseUrl,
      request: e.request,
      connections: CONNECTIONS,
      duration: Math.min(2, DURATION / 5),
    });
    const a = await load({ baseUrl: app.baseUrl, request: e.request, ...loadOpts });
    const b =
      baselineUrl && prep.plans.has(e.name)
        ? await load({
            baseUrl: baselineUrl,
            request: { path: `/baseline/${encodeURIComponent(e.name)}` },
            ...loadOpts,
          })
        : null;
    measured.push({ e, a, b });
    if (baselineUrl || database === 'postgres') report(e, a, b, prep.plans);
    else
      log(
        `  p50 ${fmt(a.p50)} p95 ${fmt(a.p95)} p99 ${fmt(a.p99)} ms, ${fmt(a.reqPerSec, 0)} req/s ` +
          `${JSON.stringify(a.statuses)} (its baseline runs once the server has stopped)`,
      );
  }
  return measured;
}

function report(e, a, b, plans) {
  return addRow(
    {
      name: e.name,
      ...a,
      baselineReqPerSec: b?.reqPerSec ?? null,
      ratio: b ? a.reqPerSec / b.reqPerSec : null,
      baselineP50: round(b?.p50),
      baselineP95: round(b?.p95),
      statements: e.statements,
      baselineInTransaction: plans.get(e.name)?.writes ?? null,
      path: e.request.path,
      statuses: a.statuses,
      ...(b && Object.keys(b.statuses).some((s) => s !== '200') ? { baselineStatuses: b.statuses } : {}),
      ...(a.errors || a.timeouts ? { errors: a.errors, timeouts: a.timeouts } : {}),
    },
    e.group,
  );
}

async function measureCheckins(app, prep) {
  const { desk } = prep;
  if (!desk || !wanted('check-in desk: check in')) return null;
  const ids = desk.signupIds.slice(1);
  let next = 0;
  log(`check-in desk: check in ${ids.length} people (POST /api/signups/:id/desk)`);
  const a = await load({
    baseUrl: app.baseUrl,
    requests: [
      {
        method: 'POST',
        headers: { ...CSRF, cookie: desk.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'check_in' }),
        setupRequest: (req) => ({ ...req, path: `/api/signups/${ids[next++ % ids.length]}/desk` }),
      },
    ],
    connections: Math.min(CONNECTIONS, ids.length),
    amount: ids.length,
  });
  return a;
}

/** The check-in's recorded SQL replayed as often and as concurrently (in `begin … rollback`). */
async function measureCheckinsBaseline(checkins, prep) {
  const name = 'check-in desk: check in';
  if (!prep.plans.has(name)) return null;
  return load({
    baseUrl: baselineServer.baseUrl,
    request: { path: `/baseline/${encodeURIComponent(name)}` },
    connections: Math.min(CONNECTIONS, prep.desk.signupIds.length - 1),
    amount: checkins.requests,
  });
}

async function runBurst(app, burst) {
  log(`${burst.name}`);
  const t0 = performance.now();
  const answers = await Promise.all(
    burst.cookies.map(async (cookie, i) => {
      const s = performance.now();
      try {
        const res = await fetch(`${app.baseUrl}/api/shifts/${burst.shiftFor(i)}/signups`, {
          method: 'POST',
          headers: { cookie, ...CSRF, 'content-type': 'application/json' },
          body: '{}',
        });
        const body = await res.json().catch(() => ({}));
        return { status: res.status, code: body.code ?? body.signup?.status, ms: performance.now() - s };
      } catch (error) {
        return { status: 0, code: String(error.cause?.code ?? error.message), ms: performance.now() - s };
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { answers, seconds };
}

async function checkBursts(results) {
  // counted with a connection of the runner's own (the app is still up on PostgreSQL; on PGlite it is not)
  const { handle } = await openRecordingHandle({ root, databaseUrl, dataDir, poolSize: 1 });
  ownHandle = handle;
  try {
    for (const { burst, answers, seconds } of results) {
      const held = (
        await sql`select status, count(*)::int as n from signups where shift_id = any(${sql.val(burst.shiftIds)}::uuid[])
          group by status`.execute(handle.db)
      ).rows;
      const inDb = Object.fromEntries(held.map((r) => [r.status, Number(r.n)]));
      const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
      const byStatus = {};
      for (const a of answers)
        byStatus[`${a.status} ${a.code}`] = (byStatus[`${a.status} ${a.code}`] ?? 0) + 1;
      const created = answers.filter((a) => a.status === 201).length;
      const answered = answers.filter((a) => a.status > 0).length;
      const stored = Object.values(inDb).reduce((n, v) => n + v, 0);
      // exactly the capacity confirmed, the rest waitlisted, and every 201 in the database
      const exact =
        (inDb.confirmed ?? 0) === burst.expect.confirmed &&
        (inDb.waitlisted ?? 0) === stored - burst.expect.confirmed &&
        stored === created;
      addRow(
        {
          name: burst.name,
          connections: answers.length,
          p50: pct(ms, 50),
          p95: pct(ms, 95),
          p99: pct(ms, 99),
          // signups per second: HTTP answers over the time until the last one
          reqPerSec: answered / seconds,
          baselineReqPerSec: null,
          ratio: null,
          seconds: round(seconds, 2),
          answers: byStatus,
          inDatabase: inDb,
          expected: burst.expect,
          allAnswered: created === answers.length,
          exact,
        },
        'burst',
      );
    }
  } finally {
    await handle.close();
    ownHandle = null;
  }
}

async function measureExports(app, prep, baselineUrl) {
  for (const e of prep.exportsList) {
    log(`${e.name}: ${e.request.path}`);
    const before = app.rss.reset();
    const d = await download(`${app.baseUrl}${e.request.path}`, e.request.headers);
    const peak = app.rss.peak();
    let baselineSeconds = null;
    if (baselineUrl && prep.plans.has(e.name)) {
      const b = await download(`${baselineUrl}/baseline/${encodeURIComponent(e.name)}`, {});
      baselineSeconds = b.seconds;
    }
    const rowsPerSec = d.rows === null ? null : d.rows / d.seconds;
    addRow(
      {
        name: e.name,
        connections: 1,
        p50: d.seconds * 1000,
        p95: null,
        p99: null,
        reqPerSec: 1 / d.seconds,
        baselineReqPerSec: baselineSeconds ? 1 / baselineSeconds : null,
        ratio: baselineSeconds ? baselineSeconds / d.seconds : null,
        rows: d.rows,
        bytes: d.bytes,
        rowsPerSec: round(rowsPerSec, 0),
        rssBeforeMb: round(before / 2 ** 20),
        rssPeakMb: round(peak / 2 ** 20),
        rssGrowthMb: round((peak - before) / 2 ** 20),
        statements: e.statements ?? null,
        path: e.request.path,
        ...(d.rows !== null && d.rows < 10_000
          ? { note: `${d.rows} rows: the time is mostly the request's fixed cost, not export throughput` }
          : {}),
      },
      d.rows === null ? null : 'export',
    );
  }
}

function printTable(list) {
  const header = [
    'name',
    'db',
    'scale',
    'p50',
    'p95',
    'p99',
    'req/s',
    'base req/s',
    'ratio',
    'target',
    'met',
  ];
  const body = list.map((r) => [
    r.name,
    r.database,
    r.scale,
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    r.rowsPerSec !== undefined && r.rowsPerSec !== null
      ? `${fmt(r.rowsPerSec, 0)} rows/s`
      : fmt(r.reqPerSec, 0),
    fmt(r.baselineReqPerSec, 0),
    fmt(r.ratio, 2),
    r.target ?? '',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i >= 9 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main() {
  const machineStart = machine();
  log(`npm run bench: ${database}, scale ${scale}, ${DURATION} s × ${CONNECTIONS} connections per endpoint`);
  log('preparing (fixtures, sessions, the SQL of each request)…');
  const prep = await prepare();
  log(
    `${prep.endpoints.length} endpoints, ${prep.exportsList.length} downloads, ${prep.bursts.length} bursts`,
  );

  // PostgreSQL: the baseline server runs beside the app; PGlite: after it, on the same data directory.
  let staticResult = null;
  if (databaseUrl)
    baselineServer = await startBaseline({
      plans: prep.plans,
      databaseUrl,
      poolSize: POOL_SIZE,
      port: await freePort(),
    });
  for (const name of prep.plans.keys()) {
    if (!baselineServer) break;
    await baselineServer.check(name).catch((error) => {
      log(`  baseline of ${name} does not replay (${error.message}); reported without it`);
      prep.plans.delete(name);
    });
  }

  log('starting the server…');
  const app = await startServer({ root, env: SERVER_ENV, log });
  const rssIdle = app.rss.now();
  let measured;
  const burstResults = [];
  let checkins = null;
  let checkinsBaseline = null;
  let frontend = null;
  try {
    measured = await measureEndpoints(app, prep, baselineServer?.baseUrl ?? null);
    checkins = await measureCheckins(app, prep);
    if (checkins && baselineServer) checkinsBaseline = await measureCheckinsBaseline(checkins, prep);
    for (const burst of prep.bursts) burstResults.push({ burst, ...(await runBurst(app, burst)) });
    await measureExports(app, prep, baselineServer?.baseUrl ?? null);
    if (baselineServer && wanted('static')) {
      log('baseline: static JSON route');
      staticResult = await load({
        baseUrl: baselineServer.baseUrl,
        request: { path: '/static' },
        ...loadOpts,
      });
    }
    if (!opts['skip-lighthouse'] && !opts.only) {
      log('lighthouse (the public pages of the same server)…');
      const { runLighthouse } = await import('./lighthouse.mjs');
      frontend = await runLighthouse({ baseUrl: app.baseUrl, log }).catch((error) => {
        log(`lighthouse failed: ${error.message}`);
        return { error: error.message };
      });
    }
  } finally {
    await app.stop();
  }

  // PGlite: the same-SQL baseline now, on the runner's own PGlite over the data directory.
  if (!databaseUrl) {
    const { handle } = await openRecordingHandle({ root, databaseUrl, dataDir, poolSize: 1 });
    ownHandle = handle;
    try {
      baselineServer = await startBaseline({
        plans: prep.plans,
        pglite: handle.pglite,
        host: handle.host,
        port: await freePort(),
      });
      for (const { e, a } of measured) {
        const b = prep.plans.has(e.name)
          ? await load({
              baseUrl: baselineServer.baseUrl,
              request: { path: `/baseline/${encodeURIComponent(e.name)}` },
              ...loadOpts,
            })
          : null;
        report(e, a, b, prep.plans);
      }
      if (checkins) checkinsBaseline = await measureCheckinsBaseline(checkins, prep);
      if (wanted('static'))
        staticResult = await load({
          baseUrl: baselineServer.baseUrl,
          request: { path: '/static' },
          ...loadOpts,
        });
    } finally {
      await baselineServer?.close();
      baselineServer = null;
      await handle.close();
      ownHandle = null;
    }
  }
  if (checkins) {
    addRow(
      {
        name: 'check-in desk: check in (POST)',
        ...checkins,
        connections: Math.min(CONNECTIONS, prep.desk.signupIds.length - 1),
        baselineReqPerSec: checkinsBaseline?.reqPerSec ?? null,
        ratio: checkinsBaseline ? checkins.reqPerSec / checkinsBaseline.reqPerSec : null,
        baselineP50: round(checkinsBaseline?.p50),
        baselineP95: round(checkinsBaseline?.p95),
        baselineInTransaction: true,
        statuses: checkins.statuses,
        note: `${checkins.requests} check-ins, each signup once`,
      },
      'coordinator',
    );
  }
  if (burstResults.length) await checkBursts(burstResults);
  if (staticResult)
    addRow(
      { name: 'baseline: static JSON route', ...staticResult, baselineReqPerSec: null, ratio: null },
      null,
    );
  await baselineServer?.close();
  baselineServer = null;

  // endpoints first, then the check-in POSTs, the bursts, the downloads and the static baseline
  const rank = (r) =>
    r.name.startsWith('check-in desk: check in')
      ? 1
      : r.name.startsWith('signup burst')
        ? 2
        : r.name.startsWith('export')
          ? 3
          : r.name.startsWith('baseline')
            ? 4
            : 0;
  rows.sort((x, y) => rank(x) - rank(y));
  const machineEnd = machine();
  const out = {
    date: machineStart.date,
    machine: {
      cpus: machineStart.cpus,
      node: machineStart.node,
      loadavgStart: machineStart.loadavg,
      loadavgEnd: machineEnd.loadavg,
      totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    },
    options: {
      database,
      scale,
      duration: DURATION,
      connections: CONNECTIONS,
      poolSize: POOL_SIZE,
      only: opts.only ?? null,
    },
    server: {
      rssIdleMb: round(rssIdle / 2 ** 20),
      env: Object.fromEntries(
        Object.entries(SERVER_ENV).filter(([k]) => !['DATABASE_URL', 'DATA_DIR'].includes(k)),
      ),
    },
    rows: rows.map((r) => ({
      ...r,
      cpus: machineStart.cpus,
      loadavgStart: machineStart.loadavg,
      loadavgEnd: machineEnd.loadavg,
      node: machineStart.node,
      date: machineStart.date,
    })),
    frontend,
  };
  console.log(
    `\nnpm run bench — ${database}, scale ${scale}, ${DURATION} s × ${CONNECTIONS} connections, ${machineStart.cpus}, ` +
      `Node ${machineStart.node}, load ${machineStart.loadavg.join(' ')} → ${machineEnd.loadavg.join(' ')}`,
  );
  console.log(
    '(times in ms; targets are for PostgreSQL, region scale, 50 connections; a burst row: latency of each of ' +
      'the N signups sent at once, req/s = signups answered per second; an export row: p50 = one streamed ' +
      'download, rows/s, RSS growth of the server in latest.json)\n',
  );
  console.log(printTable(rows));
  if (Array.isArray(frontend)) {
    const { formatTable } = await import('./lighthouse.mjs');
    console.log(`\n${formatTable(frontend)}`);
  }
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten: bench/results/latest.json');
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
