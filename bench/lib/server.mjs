// The real server as a child process (`node bin/dobroset.mjs start`) on 127.0.0.1, with its resident memory
// sampled from /proc every 100 ms, and a registry of what this process started so that an error or a
// signal ends it (by pid, never by name).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const started = new Set();

/** Ends every child this module started (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopAll(graceMs = 10_000) {
  await Promise.all([...started].map((s) => s.stop(graceMs)));
}

/** Synchronous last resort for a signal handler: SIGKILL every child still running. */
export function killAllNow() {
  for (const s of started) s.killNow();
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** VmRSS of a process in bytes (Linux), or null. */
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts the app; resolves once /api/health answers. `env` is added to a minimal environment (PATH, HOME).
 * Returns { baseUrl, pid, rss: { now(), peakSince(mark) ... }, stop() }.
 */
export async function startServer({ root, env, startTimeoutMs = 180_000, log = () => {} }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'bin/dobroset.mjs'), 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.once('exit', r));
  const running = () => child.exitCode === null && child.signalCode === null;

  // RSS sampled every 100 ms; `peak` is the highest sample since the last reset.
  let peak = 0;
  const sample = () => {
    const v = rssOf(child.pid);
    if (v !== null && v > peak) peak = v;
    return v;
  };
  const sampler = setInterval(sample, 100);
  sampler.unref();

  const entry = {
    async stop(graceMs = 10_000) {
      clearInterval(sampler);
      started.delete(entry);
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => running() && child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
    },
    killNow() {
      if (running()) child.kill('SIGKILL');
    },
  };
  started.add(entry);

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (!running()) {
      await entry.stop();
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    if (Date.now() > deadline) {
      await entry.stop();
      throw new Error(`the server did not answer within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {}
    await sleep(200);
  }
  log(`server pid ${child.pid} on ${baseUrl}`);
  return {
    baseUrl,
    pid: child.pid,
    output: () => output,
    rss: {
      now: sample,
      /** Starts a new peak window; returns the RSS now. */
      reset() {
        const v = sample();
        peak = v ?? 0;
        return v;
      },
      peak: () => Math.max(peak, sample() ?? 0),
    },
    stop: (graceMs) => entry.stop(graceMs),
  };
}
