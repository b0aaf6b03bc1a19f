// Start-up time to the first answer and idle resident memory of `dobroset start` on PGlite, each with a bare
// Node.js HTTP server measured in the same run as the baseline; medians over runs (issue 11's targets:
// first answer ≤ 20 s on a fresh clone, ≤ 3 s on an existing data directory; idle memory ≤ 300 MB).
//
// Scenarios, in every run:
//   fresh clone    a copy of the working tree without dist/ (node_modules hard-linked, as after
//                  `npm install`) and an empty data directory: build, initdb, migrations, seed, demo data;
//   new data dir   the same copy, built, with another empty data directory;
//   existing dir   the first data directory again.
// Idle memory is the resident memory of the server's whole process group, once it has settled.
// The repository's own dist/ and data are not touched. Writes bench/results/startup.json.
// Usage: node bench/startup.mjs [runs=3]   (targets 127.0.0.1 only)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupCpuMs, groupRssMB, untilAnswers } from './lib/proc.mjs';
import { freePort, startArgs } from './lib/server.mjs';
import { median, sleep } from './lib/util.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Waits until the group's memory stops moving (two readings a second apart within 1 MB, ≤ 20 s). */
async function settledRss(pgid) {
  await sleep(2000);
  let last = groupRssMB(pgid);
  for (let i = 0; i < 18; i++) {
    await sleep(1000);
    const now = groupRssMB(pgid);
    if (Math.abs(now - last) < 1) return now;
    last = now;
  }
  return last;
}

/**
 * Starts a process group leader; resolves once `url` answers 200, with the time it took and the CPU time
 * its group used meanwhile (less sensitive than wall time to other load on the machine).
 */
async function startAndTime(args, { cwd, port, urlPath, env }) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: 'ignore', detached: true });
  const exited = new Promise((r) => child.once('exit', r));
  if ((await untilAnswers(`http://127.0.0.1:${port}${urlPath}`, { child, intervalMs: 10 })) !== 'ok')
    throw new Error(`exited ${child.exitCode}: ${args.join(' ')}`);
  return { child, exited, ms: performance.now() - t0, cpuMs: groupCpuMs(child.pid) };
}

async function stop({ child, exited }) {
  child.kill('SIGTERM');
  await exited;
  try {
    process.kill(-child.pid, 'SIGKILL'); // anything the server left in its group
  } catch {}
}

async function latency(port, urlPath, n = 300) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A copy of the working tree as a fresh clone has it: tracked and new files, no dist/, no data. */
function copyWorkingTree(to) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(root, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
  // `npm install` leaves a node_modules: hard links are as fast to read and cost no space.
  try {
    execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(to, 'node_modules')]);
  } catch {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(to, 'node_modules'), 'dir');
  }
}

const BASELINE = `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}'); }).listen(Number(process.env.PORT), '127.0.0.1')`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-startup-'));
const checkout = path.join(tmp, 'checkout');
const results = {
  baselineStartMs: [],
  baselineRssMB: [],
  freshCloneMs: [],
  freshCloneCpuMs: [],
  freshCloneRssMB: [],
  newDataDirMs: [],
  newDataDirCpuMs: [],
  existingDataDirMs: [],
  existingDataDirCpuMs: [],
  existingDataDirRssMB: [],
};
let latencies = null;
try {
  copyWorkingTree(checkout);
  for (let i = 0; i < RUNS; i++) {
    const bport = await freePort();
    const base = await startAndTime(['-e', BASELINE], {
      cwd: tmp,
      port: bport,
      urlPath: '/',
      env: { ...process.env, PORT: String(bport) },
    });
    results.baselineStartMs.push(base.ms);
    results.baselineRssMB.push(await settledRss(base.child.pid));
    await stop(base);

    const port = await freePort();
    const server = (dataDir) => startArgs({ dataDir, port });
    const options = { cwd: checkout, port, urlPath: '/api/health', env: process.env };
    const dataDir = path.join(tmp, `data-${i}`);

    fs.rmSync(path.join(checkout, 'dist'), { recursive: true, force: true });
    const fresh = await startAndTime(server(dataDir), options);
    results.freshCloneMs.push(fresh.ms);
    results.freshCloneCpuMs.push(fresh.cpuMs);
    results.freshCloneRssMB.push(await settledRss(fresh.child.pid));
    await stop(fresh);

    const other = await startAndTime(server(path.join(tmp, `data-${i}-new`)), options);
    results.newDataDirMs.push(other.ms);
    results.newDataDirCpuMs.push(other.cpuMs);
    await stop(other);

    const again = await startAndTime(server(dataDir), options);
    results.existingDataDirMs.push(again.ms);
    results.existingDataDirCpuMs.push(again.cpuMs);
    results.existingDataDirRssMB.push(await settledRss(again.child.pid));
    if (i === 0) {
      const bchild = await startAndTime(['-e', BASELINE], {
        cwd: tmp,
        port: bport,
        urlPath: '/',
        env: { ...process.env, PORT: String(bport) },
      });
      latencies = {
        baselineMs: await latency(bport, '/'),
        healthMs: await latency(port, '/api/health'),
        summaryMs: await latency(port, '/api/public/summary'),
        municipalitiesMs: await latency(port, '/api/public/municipalities'),
        centersMs: await latency(port, '/api/public/centers'),
      };
      await stop(bchild);
    }
    await stop(again);
    fs.rmSync(path.join(tmp, `data-${i}-new`), { recursive: true, force: true });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
const f = (x) => x.toFixed(1);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const cpu = (k) => `CPU ${s(m[`${k}CpuMs`])}`;
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model}, ${f(os.totalmem() / 2 ** 30)} GiB, load ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}, Node ${process.version}`;
console.log(`machine: ${machine}; ${RUNS} runs, medians`);
console.log(`bare node:http: first answer ${f(m.baselineStartMs)} ms, resident ${f(m.baselineRssMB)} MB`);
console.log(
  `first answer, fresh clone (build + new data dir): ${s(m.freshCloneMs)}  (${f(m.freshCloneMs / m.baselineStartMs)}× bare; ${cpu('freshClone')}; target ≤ 20 s)`,
);
console.log(
  `first answer, new data dir (built):              ${s(m.newDataDirMs)}  (${f(m.newDataDirMs / m.baselineStartMs)}× bare; ${cpu('newDataDir')})`,
);
console.log(
  `first answer, existing data dir:                 ${s(m.existingDataDirMs)}  (${f(m.existingDataDirMs / m.baselineStartMs)}× bare; ${cpu('existingDataDir')}; target ≤ 3 s)`,
);
console.log(
  `idle resident memory (process group), existing data dir: ${f(m.existingDataDirRssMB)} MB  (${f(m.existingDataDirRssMB / m.baselineRssMB)}× bare; target ≤ 300 MB)`,
);
console.log(
  `idle resident memory (process group), after a fresh-clone start: ${f(m.freshCloneRssMB)} MB  (${f(m.freshCloneRssMB / m.baselineRssMB)}× bare)`,
);
const l = latencies;
console.log(
  `sequential request latency (median of 300): bare ${l.baselineMs.toFixed(2)} ms; /api/health ${l.healthMs.toFixed(2)} ms; /api/public/summary ${l.summaryMs.toFixed(2)} ms; municipalities ${l.municipalitiesMs.toFixed(2)} ms; centers ${l.centersMs.toFixed(2)} ms`,
);

const out = path.join(root, 'bench', 'results', 'startup.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify(
    {
      bench: 'startup',
      at: new Date().toISOString(),
      machine,
      runs: RUNS,
      targets: { freshCloneMs: 20_000, existingDataDirMs: 3_000, idleRssMB: 300 },
      medians: m,
      latencies,
      samples: results,
    },
    null,
    2,
  )}\n`,
);
console.log(`written: ${path.relative(root, out)}`);
