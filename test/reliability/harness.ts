/**
 * The pieces of the reliability suite: real app processes (the built server, `dobroset start`), a tiny
 * round-robin HTTP proxy, an SMTP sink that counts deliveries per Message-ID, and a bounded load
 * generator that records every acknowledged write. Everything listens on 127.0.0.1 only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../support/pg-cluster.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The built server (npm run test:reliability builds it first; RELIABILITY_SERVER_ENTRY overrides). */
export function serverEntry(): string {
  const entry = process.env.RELIABILITY_SERVER_ENTRY ?? path.join(ROOT, 'dist', 'server', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`No built server at ${entry}: run npm run test:reliability`);
  return entry;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  /** SIGTERM and wait; resolves with the exit code (0 = a clean graceful stop). */
  stop(): Promise<number | null>;
};

export async function startApp(
  name: string,
  env: Record<string, string>,
  fixedPort?: number,
): Promise<AppProcess> {
  const port = fixedPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [serverEntry(), 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let expected = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(40_000).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        return null;
      }
      return code;
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting:\n${app.tail()}`);
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready:\n${app.tail()}`);
    }
    await sleep(250);
  }
}

/** Waits until the app answers ready again (after a restart of it or of its database). */
export async function waitReady(url: string, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready in ${seconds} s`);
    await sleep(250);
  }
}

/** A round-robin reverse proxy over the backends (a failed backend connection answers 502). */
export async function startProxy(backends: string[]) {
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const target = new URL(backends[next++ % backends.length] as string);
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
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('error', () => res.destroy());
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
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
    async close() {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An SMTP server that counts the messages it receives by Message-ID. */
export async function startSmtpSink() {
  const received = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c: Buffer) => {
        if (head.length < 8192) head += c.toString('utf8');
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '(none)';
        received.set(id, (received.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  // A connection of an app killed with -9 ends with ECONNRESET: expected, not an error of the sink.
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** Messages received, and how many Message-IDs came more than once. */
    counts() {
      let total = 0;
      let duplicated = 0;
      for (const n of received.values()) {
        total += n;
        if (n > 1) duplicated++;
      }
      return { total, distinct: received.size, duplicated };
    },
    reset() {
      received.clear();
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Write = { cookie: string; userId: string; shiftId: string };
export type Ack = Write & { signupId: string; status: string };
export type LoadResult = {
  requests: number;
  acks: Ack[];
  /** Writes the server refused for a reason of the domain (409: already signed up, not eligible…). */
  refused: number;
  /** Answers by status, and network-level failures (connection refused or reset, timeouts). */
  statuses: Map<number, number>;
  /** Non-201 answers by status and problem code (e.g. "409 already_signed_up"). */
  codes: Map<string, number>;
  networkErrors: number;
  seconds: number;
};

/**
 * Sends the planned writes (signups) with `concurrency` clients for at most `seconds`, each through
 * `target()`. A write answered 503/502 or lost on the network is retried with the same Idempotency-Key
 * (at most 4 attempts, after Retry-After), as a careful client would. Only a 201 counts as acknowledged.
 */
export async function runLoad(options: {
  plan: Write[];
  target: () => string;
  concurrency: number;
  seconds: number;
  /** The load also goes on until this settles (e.g. some seconds after the last fault). */
  until?: Promise<unknown>;
}): Promise<LoadResult> {
  const result: LoadResult = {
    requests: 0,
    acks: [],
    refused: 0,
    statuses: new Map(),
    codes: new Map(),
    networkErrors: 0,
    seconds: 0,
  };
  const started = Date.now();
  let until = started + options.seconds * 1000;
  let extended = options.until !== undefined;
  const settle = () => {
    extended = false;
    until = Math.max(until, Date.now());
  };
  options.until?.then(settle, settle);
  const going = () => Date.now() < until || extended;
  let next = 0;
  const count = (status: number) => result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);

  async function write(w: Write) {
    const key = `rel-${w.userId}-${w.shiftId}`;
    for (let attempt = 0; attempt < 4; attempt++) {
      result.requests++;
      try {
        const res = await fetch(`${options.target()}/api/shifts/${w.shiftId}/signups`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-requested-with': 'dobroset',
            'idempotency-key': key,
            cookie: w.cookie,
          },
          body: '{}',
          signal: AbortSignal.timeout(30_000),
        });
        count(res.status);
        const body = (await res.json().catch(() => null)) as {
          signup?: { id: string; status: string };
          code?: string;
        } | null;
        if (res.status !== 201) {
          const label = `${res.status} ${body?.code ?? '-'}`;
          result.codes.set(label, (result.codes.get(label) ?? 0) + 1);
        }
        if (res.status === 201 && body?.signup) {
          result.acks.push({ ...w, signupId: body.signup.id, status: body.signup.status });
          return;
        }
        if (res.status < 500) {
          result.refused++;
          return;
        }
        const wait = Number(res.headers.get('retry-after') ?? '1');
        await sleep(Math.min(5, Number.isFinite(wait) ? wait : 1) * 1000);
      } catch {
        result.networkErrors++;
        await sleep(500);
      }
      if (Date.now() > until + 15_000) return;
    }
  }

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (going() && next < options.plan.length) {
        const w = options.plan[next++] as Write;
        await write(w);
      }
    }),
  );
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
