/**
 * Real app processes for the tests that run the built server (`test/multi-instance`, `test/reliability`):
 * `node <entry> start` on 127.0.0.1, waiting until `/api/ready` answers, stopping by the process's own
 * handle (SIGTERM, then SIGKILL after 40 s), and a round-robin HTTP proxy in front of several of them.
 * Everything is stopped by its handle (child process, server object), never by name.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { freePort } from './pg-cluster.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pids of processes started with `killOnExit`: killed if the test process ends without stopping them. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export type AppProcess = {
  name: string;
  url: string;
  pid: number;
  /** Exited without being told to (neither kill() nor stop()). */
  crashed(): boolean;
  /** The last lines the process wrote (for a failure message). */
  tail(): string;
  /** kill -9 (or another signal); the exit is expected. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM and wait (SIGKILL after 40 s); the exit code, 0 for a clean graceful stop. */
  stop(): Promise<number | null>;
};

export type AppOptions = {
  name: string;
  /** The server's `main.js`; it runs as `node <entry> start`. */
  entry: string;
  cwd: string;
  port: number;
  /** Added to (and overriding) the base environment: PATH, HOME, HOST, PORT, DEMO=false, LOG_LEVEL=warn. */
  env: Record<string, string>;
  /** How many of the last output lines to keep for `tail()`. */
  keepLines: number;
  /** Ends as soon as it answers; the deadline only guards against a start that hangs for good. */
  ready: { seconds: number; probeMs: number };
  /** A start that does not become ready in time: `stop()` it (and wait), or SIGKILL it. */
  notReady: 'stop' | 'kill';
  /** Kill the process if the test process exits while it still runs (a crash of the test). */
  killOnExit?: boolean;
};

/** Starts the app and waits until `/api/ready` answers 200. */
export async function startAppProcess(options: AppOptions): Promise<AppProcess> {
  const { name, port } = options;
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [options.entry, 'start'], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > options.keepLines) lines.splice(0, lines.length - options.keepLines);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let expected = false;
  if (options.killOnExit && child.pid) running.add(child.pid);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child.pid ?? -1);
      resolve(code);
    }),
  );
  const app: AppProcess = {
    name,
    url,
    pid: child.pid ?? -1,
    crashed: () => child.exitCode !== null && !expected,
    tail: () => lines.slice(-40).join('\n'),
    async kill(signal = 'SIGKILL') {
      expected = true;
      child.kill(signal);
      await exited;
    },
    async stop() {
      expected = true;
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(40_000).then(() => 'timeout' as const)]);
      if (code !== 'timeout') return code;
      child.kill('SIGKILL');
      await exited;
      return null;
    },
  };
  const outcome = await pollReady(url, options.ready, () => child.exitCode !== null);
  if (outcome === 'ready') return app;
  if (outcome === 'exited') throw new Error(`${name} exited while starting:\n${app.tail()}`);
  if (options.notReady === 'stop') await app.stop();
  else child.kill('SIGKILL');
  throw new Error(`${name} did not become ready:\n${app.tail()}`);
}

/** Waits until the app answers ready again (after a restart of it or of its database). */
export async function waitReady(url: string, seconds = 60) {
  if ((await pollReady(url, { seconds, probeMs: 3_000 })) !== 'ready')
    throw new Error(`${url} did not become ready in ${seconds} s`);
}

/** Asks `/api/ready` every 250 ms until it answers 200, `exited()` says the process is gone, or time is up. */
async function pollReady(
  url: string,
  limits: { seconds: number; probeMs: number },
  exited: () => boolean = () => false,
): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + limits.seconds * 1000;
  for (;;) {
    if (exited()) return 'exited';
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(limits.probeMs) });
      if (res.status === 200) return 'ready';
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) return 'timeout';
    await sleep(250);
  }
}

export type RoundRobinProxy = {
  url: string;
  /** Requests forwarded to each backend, by its index. */
  served: number[];
  close(): Promise<void>;
};

/**
 * A round-robin reverse proxy: request k goes to backend k mod n. Each answer carries `x-backend: <index>`
 * so a test can tell which instance answered; a backend that cannot be reached answers 502.
 * `closeAll`: close() also cuts connections still open (otherwise it waits for them to end).
 */
export async function startRoundRobinProxy(
  backends: string[],
  options: { maxSockets: number; closeAll: boolean },
): Promise<RoundRobinProxy> {
  let next = 0;
  const served = backends.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const server = http.createServer((req, res) => {
    const index = next++ % backends.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(backends[index] as string);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
        answer.on('error', () => res.destroy());
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', 'x-backend': String(index) });
      res.end('bad gateway');
    });
    req.on('error', () => upstream.destroy());
    res.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    async close() {
      if (options.closeAll) server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
