// `npm run bench` (issue 11): the platform over HTTP, the real server (`node bin/dobroset.mjs start` as a
// child process) under a bounded load generator (autocannon) on 127.0.0.1, on a database made by
// `node bench/data.mjs --scale <scale>`. Each endpoint is measured against its baseline in the same run:
// a bare Fastify server running the same SQL (recorded from the app, in order, with its parameters) through
// a pool of the same size, and a static JSON route. Prints a table and writes bench/results/latest.json.
//
// Usage: npm run bench -- [--database-url URL | --data-dir DIR] [--scale demo|region|nation]
//          [--duration SECONDS=10] [--connections N=50] [--only SUBSTRING] [--skip-lighthouse] [--skip-backup]
//          [--serial-seconds S=3]   (each endpoint also S seconds at one connection: the "p95@1" column)
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
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { startBaseline } from './lib/baseline.mjs';
import { burstRows, runBurst, runBurstBaseline } from './lib/bursts.mjs';
import { openRecordingHandle } from './lib/capture.mjs';
import { download, load } from './lib/load.mjs';
import { prepare, SIGNUP_PLAN } from './lib/prepare.mjs';
import { createReport, fmt, machine, printTable, round } from './lib/report.mjs';
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
    'serial-seconds': { type: 'string', default: '3' },
  },
});
const databaseUrl = opts['database-url'] ?? process.env.DATABASE_URL ?? null;
const scale = opts.scale;
const dataDir = databaseUrl ? null : path.resolve(opts['data-dir'] ?? path.join(root, 'data-bench', scale));
const database = databaseUrl ? 'postgres' : 'pglite';
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const SERIAL = Number(opts['serial-seconds']);
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
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

// --- phase 2: the real server under load ---

const { rows, addRow } = createReport({ database, scale, connections: CONNECTIONS, log });

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
    // one request at a time: the latency of a request itself, without the queue of 50 in front of it
    if (SERIAL > 0)
      a.serial = await load({ baseUrl: app.baseUrl, request: e.request, connections: 1, duration: SERIAL });
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
      serialP50: round(a.serial?.p50),
      serialP95: round(a.serial?.p95),
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

/** The bursts' rows, counted with a connection of the runner's own (on PGlite the app has stopped). */
async function checkBursts(results) {
  const { handle } = await openRecordingHandle({ root, databaseUrl, dataDir, poolSize: 1 });
  ownHandle = handle;
  try {
    for (const row of await burstRows(handle.db, results)) addRow(row, 'burst');
  } finally {
    await handle.close();
    ownHandle = null;
  }
}

/** Each burst's baseline: the recorded signup replayed at once for each of its volunteers and shifts. */
async function measureBurstBaselines(results, prep) {
  if (!baselineServer || !prep.plans.has(SIGNUP_PLAN)) return;
  for (const r of results) {
    log(`baseline: ${r.burst.name}`);
    r.baseline = await runBurstBaseline(baselineServer.baseUrl, r.burst, SIGNUP_PLAN);
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

async function main() {
  const machineStart = machine();
  log(`npm run bench: ${database}, scale ${scale}, ${DURATION} s × ${CONNECTIONS} connections per endpoint`);
  log('preparing (fixtures, sessions, the SQL of each request)…');
  const prep = await prepare({
    root,
    databaseUrl,
    dataDir,
    poolSize: POOL_SIZE,
    opts,
    wanted,
    log,
    setHandle: (h) => {
      ownHandle = h;
    },
  });
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
    // the recorded signup was stored: it replays for a volunteer and a shift of a burst
    const first = prep.bursts[0];
    const values =
      name === SIGNUP_PLAN ? { user: first.userIds[0], shift: first.baselineShiftFor(0) } : undefined;
    await baselineServer.check(name, values).catch((error) => {
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
    for (const burst of prep.bursts) {
      log(burst.name);
      burstResults.push({ burst, ...(await runBurst(app.baseUrl, burst)) });
    }
    await measureBurstBaselines(burstResults, prep);
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
      await measureBurstBaselines(burstResults, prep);
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
    '(times in ms; targets are for PostgreSQL, region scale, 50 connections; p95@1: p95 with one connection, ' +
      'no queue; a burst row: latency of each of ' +
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
