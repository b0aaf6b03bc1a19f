// Sizing (issue 11): what one app instance holds, how throughput grows from one to two instances on one
// PostgreSQL, and where PostgreSQL becomes the limit. autocannon (127.0.0.1 only, bounded: SECONDS per run,
// CONNECTIONS connections) against three reads — the public search (GET /api/public/opportunities), the
// public summary (GET /api/public/summary) and an authenticated read (GET /api/my/signups of a volunteer) —
// in three set-ups: one instance direct, one instance behind the proxy, two instances behind the proxy (a
// round-robin node:http proxy in a process of its own). Each run records requests/s, p50/p95/p99 (from
// every response's time), non-2xx answers, and the CPU used meanwhile by PostgreSQL (all its processes,
// exited backends included, from /proc), each instance, the proxy and the load generator, in cores
// (1.00 = one core busy all the time), with the machine's busy share and load average.
//
// Usage: node bench/instances.mjs [--scale demo|region] [--seconds 10] [--connections 50]
//   The data is bench/data.mjs's generator at that scale (default region: 100,000 volunteers, 1,000,000
//   signups). Without DATABASE_URL a throwaway PostgreSQL cluster from the local binaries runs in the
//   temporary folder (as the `postgres` user when run as root) and is removed afterwards; with
//   DATABASE_URL=postgres://… (an empty scratch database on THIS machine, so its processes can be measured)
//   the data goes there. The server is compiled from the current sources into the temporary folder, so
//   the shared dist/ is neither used nor rebuilt.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { root } from '../scripts/build-lib.mjs';
import { BENCH_DOMAIN, BENCH_PASSWORD, generate } from './data.mjs';
import { allPids, statFields, stopChild, untilAnswers } from './lib/proc.mjs';
import { freePort, serverEnv } from './lib/server.mjs';
import { sleep } from './lib/util.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const SCALE = arg('scale', 'region');
const SECONDS = Number(arg('seconds', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const WARMUP_SECONDS = 3;
const TICK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-bench-instances-'));
const started = []; // { name, stop() } of everything this run started, stopped in reverse order
const log = (line) => process.stdout.write(`${line}\n`);

// ---- the server, compiled privately ----------------------------------------------------------------

function privateBuild() {
  const out = path.join(tmp, 'build', 'dist');
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'tsc'),
    ['-p', 'tsconfig.build.json', '--outDir', out],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const seedFrom = path.join(root, 'src/server/seed/kuzbass');
  const seedTo = path.join(out, 'server/seed/kuzbass');
  fs.mkdirSync(seedTo, { recursive: true });
  for (const f of fs.readdirSync(seedFrom).filter((f) => f.endsWith('.csv')))
    fs.copyFileSync(path.join(seedFrom, f), path.join(seedTo, f));
  fs.writeFileSync(path.join(tmp, 'build', 'package.json'), '{ "type": "module" }\n');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'build', 'node_modules'), 'dir');
  return path.join(out, 'server');
}

// ---- a throwaway PostgreSQL cluster ------------------------------------------------------------------

function postgresBin() {
  const candidates = [process.env.PG_BIN, ...[17, 16, 15].map((v) => `/usr/lib/postgresql/${v}/bin`)];
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'initdb')));
  if (!found)
    throw new Error('PostgreSQL binaries not found: install postgresql, set PG_BIN or DATABASE_URL');
  return found;
}

async function startCluster() {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  // a folder of its own (the run's folder is private to this user; the server may run as `postgres`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-bench-pg-'));
  const data = path.join(dir, 'data');
  fs.mkdirSync(path.join(dir, 'sock'), { recursive: true });
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (cmd, args) =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
  const [initCmd, initArgs] = run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const [cmd, args] = run('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    path.join(dir, 'sock'),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=1GB',
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let i = 0; ; i++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('create database bench');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || i > 600) throw error;
      await sleep(100);
    }
  }
  started.push({
    name: 'postgres',
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      const [stopCmd, stopArgs] = run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
      try {
        execFileSync(stopCmd, stopArgs, { stdio: 'ignore' });
      } catch {
        child.kill('SIGKILL');
      }
      await Promise.race([exited, sleep(10_000)]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
  return `postgres://postgres@127.0.0.1:${port}/bench`;
}

// ---- processes: app instances, the proxy -------------------------------------------------------------

async function startInstance(name, serverDir, databaseUrl) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(serverDir, 'main.js'), 'start'], {
    cwd: serverDir,
    env: serverEnv({
      port,
      baseUrl: url,
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(tmp, `data-${name}`),
      UPLOAD_DIR: path.join(tmp, 'uploads'),
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.push({ name, stop: () => stopChild(child, 30_000) });
  // polled every 250 ms for up to 5 minutes
  const up = await untilAnswers(`${url}/api/ready`, { child, timeoutMs: 300_000, intervalMs: 250 });
  if (up === 'exited') throw new Error(`instance ${name} exited while starting`);
  if (up === 'timeout') throw new Error(`instance ${name} did not become ready`);
  return { name, url, pid: child.pid };
}

// Round robin over the backends given as arguments; prints its port. CommonJS, run with `node -e`.
const PROXY = `
const http = require('node:http');
const backends = process.argv.slice(1).map((u) => new URL(u));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;
const server = http.createServer((req, res) => {
  const target = backends[next++ % backends.length];
  const upstream = http.request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); },
  );
  upstream.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
  req.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

async function startProxy(backends) {
  const child = spawn(process.execPath, ['-e', PROXY, ...backends.map((b) => b.url)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.push({ name: 'proxy', stop: () => stopChild(child, 30_000) });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(d.toString().trim())));
    child.once('exit', () => reject(new Error('the proxy exited')));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid };
}

// ---- CPU from /proc ----------------------------------------------------------------------------------

/** What treeTicks needs of /proc/<pid>/stat, or null when the process has ended. */
function stat(pid) {
  const f = statFields(pid);
  if (!f) return null;
  return {
    ppid: Number(f[1]),
    self: Number(f[11]) + Number(f[12]),
    children: Number(f[13]) + Number(f[14]),
  };
}

/** CPU ticks of a process and all its descendants, living and reaped (reaped ones count at their parent). */
function treeTicks(rootPid) {
  const kids = new Map();
  for (const pid of allPids()) {
    const s = stat(pid);
    if (!s) continue;
    kids.set(s.ppid, [...(kids.get(s.ppid) ?? []), pid]);
  }
  const top = stat(rootPid);
  if (!top) return 0;
  let total = top.children;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    total += stat(pid)?.self ?? 0;
    queue.push(...(kids.get(pid) ?? []));
  }
  return total;
}

function machineBusy() {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  return { idle, total: cpu.reduce((a, b) => a + b, 0) };
}

/** The postmaster of the server behind `url`: the parent of one of its backends (same machine). */
async function postmasterOf(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('select pg_backend_pid() as pid, version() as version');
  const parent = stat(rows[0].pid)?.ppid; // while the backend lives
  await client.end();
  if (!parent) throw new Error('PostgreSQL must run on this machine (its processes are measured)');
  return { pid: parent, version: rows[0].version.split(' ').slice(0, 2).join(' ') };
}

// ---- load --------------------------------------------------------------------------------------------

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(url, headers, seconds) {
  const times = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    rps: result['2xx'] / seconds,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

async function measure(label, base, endpoint, groups) {
  await load(`${base}${endpoint.path}`, endpoint.headers, WARMUP_SECONDS);
  const before = Object.fromEntries(Object.entries(groups).map(([k, pid]) => [k, treeTicks(pid)]));
  const self0 = process.cpuUsage();
  const busy0 = machineBusy();
  const t0 = performance.now();
  const r = await load(`${base}${endpoint.path}`, endpoint.headers, SECONDS);
  const wall = (performance.now() - t0) / 1000;
  const busy1 = machineBusy();
  const self = process.cpuUsage(self0);
  const cores = Object.fromEntries(
    Object.entries(groups).map(([k, pid]) => [k, (treeTicks(pid) - before[k]) / TICK / wall]),
  );
  cores.loadgen = (self.user + self.system) / 1e6 / wall;
  const machine = 1 - (busy1.idle - busy0.idle) / (busy1.total - busy0.total);
  return { setup: label, endpoint: endpoint.name, ...r, cores, machine, load1: os.loadavg()[0] };
}

// ---- the run -----------------------------------------------------------------------------------------

async function main() {
  log(`Compiling the server into a private folder…`);
  const serverDir = privateBuild();
  const databaseUrl = process.env.DATABASE_URL || (await startCluster());
  const postmaster = await postmasterOf(databaseUrl);

  const dist = (p) => import(pathToFileURL(path.join(serverDir, p)).href);
  const { openPostgres, UNBOUNDED_TIMEOUTS } = await dist('platform/db/database.js');
  const { migrateToLatest } = await dist('platform/db/migrate.js');
  const { seedAll } = await dist('seed/seed.js');
  const { systemClock } = await dist('platform/clock.js');
  const handle = await openPostgres(databaseUrl, 4, { timeouts: UNBOUNDED_TIMEOUTS });
  await migrateToLatest(handle.db);
  await seedAll(handle.db, systemClock, { demo: false });
  log(`Generating the ${SCALE} dataset (bench/data.mjs)…`);
  const data = await generate({ db: handle.db, scale: SCALE, isPostgres: true, log });
  // A settled database, as in service: autovacuum would otherwise work through the fresh rows during the runs.
  await handle.executor.executeSql('vacuum analyze', []);
  await handle.close();

  const a = await startInstance('A', serverDir, databaseUrl);
  const b = await startInstance('B', serverDir, databaseUrl);
  const login = await fetch(`${a.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'dobroset' },
    body: JSON.stringify({ email: `v0@${BENCH_DOMAIN}`, password: BENCH_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login of the bench volunteer: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('dobroset_session='))
    .split(';')[0];
  const endpoints = [
    { name: 'public search', path: '/api/public/opportunities' },
    { name: 'public summary', path: '/api/public/summary' },
    { name: 'my signups (auth)', path: '/api/my/signups', headers: { cookie } },
  ];
  for (const e of endpoints) {
    const res = await fetch(`${a.url}${e.path}`, { headers: e.headers ?? {} });
    if (res.status !== 200) throw new Error(`${e.path} answered ${res.status}`);
  }
  const one = await startProxy([a]);
  const two = await startProxy([a, b]);

  const cpus = os.cpus();
  log('');
  log(`machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  log(`node ${process.version}, ${postmaster.version}; ${new Date().toISOString()}`);
  log(
    `load average before: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  log(
    `data: ${SCALE} (${Object.entries(data.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
  );
  log(`runs: ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections`);
  // What the idle cluster costs (job polling of both instances), as a baseline for the PostgreSQL column.
  const idle0 = treeTicks(postmaster.pid);
  await sleep(SECONDS * 1000);
  log(
    `PostgreSQL while idle (both instances up): ${((treeTicks(postmaster.pid) - idle0) / TICK / SECONDS).toFixed(2)} cores`,
  );
  const rows = [];
  for (const endpoint of endpoints) {
    rows.push(await measure('1 instance, direct', a.url, endpoint, { pg: postmaster.pid, A: a.pid }));
    rows.push(
      await measure('1 instance, proxy', one.url, endpoint, { pg: postmaster.pid, A: a.pid, proxy: one.pid }),
    );
    rows.push(
      await measure('2 instances, proxy', two.url, endpoint, {
        pg: postmaster.pid,
        A: a.pid,
        B: b.pid,
        proxy: two.pid,
      }),
    );
  }
  const f = (x, d = 0) => (x === undefined ? '–' : x.toFixed(d));
  log('');
  log(
    '| endpoint | set-up | req/s | p50 ms | p95 ms | p99 ms | non-2xx | PostgreSQL | instance A | instance B | proxy | load gen | machine busy | load 1 min |',
  );
  log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    log(
      `| ${r.endpoint} | ${r.setup} | ${f(r.rps)} | ${f(r.p50, 1)} | ${f(r.p95, 1)} | ${f(r.p99, 1)} | ${r.non2xx} | ` +
        `${f(r.cores.pg, 2)} | ${f(r.cores.A, 2)} | ${f(r.cores.B, 2)} | ${f(r.cores.proxy, 2)} | ` +
        `${f(r.cores.loadgen, 2)} | ${f(r.machine * 100)} % | ${f(r.load1, 2)} |`,
    );
  }
  log('');
  log('CPU per request (ms of one core), for extrapolation:');
  for (const r of rows.filter((r) => r.setup !== '1 instance, proxy')) {
    const app = ((r.cores.A ?? 0) + (r.cores.B ?? 0)) / r.rps;
    log(
      `  ${r.endpoint.padEnd(18)} ${r.setup.padEnd(20)} PostgreSQL ${(1000 * (r.cores.pg / r.rps)).toFixed(2)} ms, app ${(1000 * app).toFixed(2)} ms`,
    );
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ rows }, null, 2));
}

try {
  await main();
} finally {
  for (const s of started.reverse()) await s.stop().catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
}
