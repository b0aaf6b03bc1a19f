// Cold start to first response (new and existing data directory), idle resident memory, and request
// latency, each with a bare Node.js HTTP server measured in the same run as the baseline.
// Usage: node bench/startup.mjs [runs=5]   (builds first if needed; targets 127.0.0.1 only)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';

const RUNS = Number(process.argv[2] ?? 5);
ensureBuilt();

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rssMiB = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

async function startAndTime(args, port) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${args.join(' ')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, ms: performance.now() - t0 };
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
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

const BASELINE = `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}'); }).listen(Number(process.env.PORT), '127.0.0.1')`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-bench-'));
const results = { baselineStart: [], newDir: [], existingDir: [], baselineRss: [], idleRss: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    const bport = await freePort();
    process.env.PORT = String(bport);
    const base = await startAndTime(['-e', BASELINE], bport);
    await new Promise((r) => setTimeout(r, 1000));
    results.baselineStart.push(base.ms);
    results.baselineRss.push(rssMiB(base.child.pid));
    await stop(base.child);

    const dataDir = path.join(tmp, `data-${i}`);
    const port = await freePort();
    const args = [
      'bin/dobroset.mjs',
      'start',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
    ];
    const fresh = await startAndTime(args, port);
    results.newDir.push(fresh.ms);
    await stop(fresh.child);
    const again = await startAndTime(args, port);
    results.existingDir.push(again.ms);
    await new Promise((r) => setTimeout(r, 5000));
    results.idleRss.push(rssMiB(again.child.pid));
    if (i === 0) {
      const bchild = spawn(process.execPath, ['-e', BASELINE], {
        env: { ...process.env, PORT: String(bport) },
        stdio: 'ignore',
      });
      await new Promise((r) => setTimeout(r, 500));
      results.latency = {
        baselineHealth: await latency(bport, '/'),
        health: await latency(port, '/api/health'),
        summary: await latency(port, '/api/public/summary'),
        municipalities: await latency(port, '/api/public/municipalities'),
        centers: await latency(port, '/api/public/centers'),
      };
      await stop(bchild);
    }
    await stop(again.child);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

const m = Object.fromEntries(
  Object.entries(results)
    .filter(([k]) => k !== 'latency')
    .map(([k, v]) => [k, median(v)]),
);
const f = (x) => x.toFixed(1);
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${f(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${RUNS} runs, medians`,
);
console.log(
  `cold start to first response, new data dir:      ${f(m.newDir)} ms  (${f(m.newDir / m.baselineStart)}× bare node http ${f(m.baselineStart)} ms)`,
);
console.log(
  `cold start to first response, existing data dir: ${f(m.existingDir)} ms  (${f(m.existingDir / m.baselineStart)}× bare node http)`,
);
console.log(
  `idle resident memory after start:                ${f(m.idleRss)} MiB  (${f(m.idleRss / m.baselineRss)}× bare node http ${f(m.baselineRss)} MiB)`,
);
const l = results.latency;
console.log(
  `sequential request latency (median of 300): bare node ${l.baselineHealth.toFixed(2)} ms; /api/health ${l.health.toFixed(2)} ms (${f(l.health / l.baselineHealth)}×); /api/public/summary ${l.summary.toFixed(2)} ms (${f(l.summary / l.baselineHealth)}×); municipalities ${l.municipalities.toFixed(2)} ms; centers ${l.centers.toFixed(2)} ms`,
);
