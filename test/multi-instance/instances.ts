/**
 * Real app processes for the multi-instance test: the server compiled once into a private temporary
 * folder (so a rebuild of the shared `dist/` by anyone else cannot pull files from under the running
 * processes, and the test always runs the current sources), `dobroset start` processes started from it
 * on 127.0.0.1, and a small round-robin HTTP proxy that tags each answer with the instance that gave it.
 * Everything started here is stopped by its own handle (process ids, server objects), never by name.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/pg-cluster.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type PrivateBuild = { entry: string; dir: string; remove(): void };

/**
 * Compiles the server (tsc, tsconfig.build.json) into a temporary folder with the seed's CSV files, a
 * `package.json` saying ES modules, and a link to the project's node_modules. About ten seconds.
 */
export function privateBuild(): PrivateBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-instances-'));
  const out = path.join(dir, 'dist');
  execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'tsc'),
    ['-p', 'tsconfig.build.json', '--outDir', out],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const seedFrom = path.join(ROOT, 'src/server/seed/kuzbass');
  const seedTo = path.join(out, 'server/seed/kuzbass');
  fs.mkdirSync(seedTo, { recursive: true });
  for (const f of fs.readdirSync(seedFrom).filter((f) => f.endsWith('.csv')))
    fs.copyFileSync(path.join(seedFrom, f), path.join(seedTo, f));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    entry: path.join(out, 'server', 'main.js'),
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Pids of instances still running: killed if the test process ends without stopping them (a crash). */
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

export type Instance = {
  name: string;
  url: string;
  pid: number;
  /** The last lines it wrote (for failure messages). */
  tail(): string;
  /** Exited although nobody stopped it. */
  crashed(): boolean;
  /** SIGTERM to its pid and wait (SIGKILL after 40 s); the exit code, 0 for a clean graceful stop. */
  stop(): Promise<number | null>;
};

/** Starts `node <entry> start` with the given environment and waits until `/api/ready` answers 200. */
export async function startInstance(
  name: string,
  entry: string,
  env: Record<string, string>,
): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [entry, 'start'], {
    cwd: path.dirname(entry),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 300) lines.splice(0, lines.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopping = false;
  if (child.pid) running.add(child.pid);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child.pid ?? -1);
      resolve(code);
    }),
  );
  const instance: Instance = {
    name,
    url,
    pid: child.pid ?? -1,
    tail: () => lines.slice(-40).join('\n'),
    crashed: () => !stopping && child.exitCode !== null,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      process.kill(instance.pid, 'SIGTERM');
      const code = await Promise.race([exited, sleep(40_000).then(() => 'timeout' as const)]);
      if (code !== 'timeout') return code;
      process.kill(instance.pid, 'SIGKILL');
      await exited;
      return null;
    },
  };
  // Ends as soon as it answers; the deadline only guards against a start that hangs for good.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting:\n${instance.tail()}`);
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return instance;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`${name} did not become ready:\n${instance.tail()}`);
    }
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
 */
export async function startProxy(backends: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = backends.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
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
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', 'x-backend': String(index) });
      res.end('bad gateway');
    });
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    async close() {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
