// The real server as a child process (`node bin/dobroset.mjs start`) on 127.0.0.1, with its resident memory
// sampled from /proc every 100 ms, and a registry of what this process started so that an error or a
// signal ends it (by pid, never by name).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { rssOf, stopChild, untilAnswers } from './proc.mjs';

export { rssOf };

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

/**
 * A minimal environment (PATH, HOME) for the server on 127.0.0.1:`port` at `baseUrl`, without demo data,
 * logging warnings only; the other keys (DATABASE_URL, DATA_DIR, …) are added and win.
 */
export const serverEnv = ({ port, baseUrl, ...env }) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: baseUrl,
  DEMO: 'false',
  LOG_LEVEL: 'warn',
  ...env,
});

/**
 * The arguments of `node` for `dobroset start` (run in the checkout's folder) on a data directory, on
 * 127.0.0.1:`port`, logging warnings only; `publicUrl` and `demo` (demo data) when given.
 */
export const startArgs = ({ dataDir, port, publicUrl, demo = false }) => [
  'bin/dobroset.mjs',
  'start',
  '--data-dir',
  dataDir,
  '--port',
  String(port),
  '--host',
  '127.0.0.1',
  ...(publicUrl ? ['--public-url', publicUrl] : []),
  ...(demo ? ['--demo'] : []),
  '--log-level',
  'warn',
];

/**
 * Starts the app; resolves once /api/health answers. `env` is added to a minimal environment (PATH, HOME).
 * Returns { baseUrl, pid, rss: { now(), peakSince(mark) ... }, stop() }.
 */
export async function startServer({ root, env, startTimeoutMs = 180_000, log = () => {} }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'bin/dobroset.mjs'), 'start'], {
    cwd: root,
    env: serverEnv({ port, baseUrl, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
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
      await stopChild(child, graceMs);
    },
    killNow() {
      if (running()) child.kill('SIGKILL');
    },
  };
  started.add(entry);

  const up = await untilAnswers(`${baseUrl}/api/health`, {
    child,
    timeoutMs: startTimeoutMs,
    intervalMs: 200,
  });
  if (up === 'exited') {
    await entry.stop();
    throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
  }
  if (up === 'timeout') {
    await entry.stop();
    throw new Error(`the server did not answer within ${startTimeoutMs / 1000} s:\n${output}`);
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
