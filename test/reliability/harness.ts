/**
 * The pieces of the reliability suite: real app processes (the built server, `dobroset start`), a tiny
 * round-robin HTTP proxy (both from `test/support/processes.ts`), an SMTP sink that counts deliveries per
 * Message-ID, and a bounded load generator that records every acknowledged write. Everything listens on
 * 127.0.0.1 only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../support/pg-cluster.js';
import {
  type AppProcess,
  sleep,
  startAppProcess,
  startRoundRobinProxy,
  waitReady,
} from '../support/processes.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The built server (npm run test:reliability builds it first; RELIABILITY_SERVER_ENTRY overrides). */
export function serverEntry(): string {
  const entry = process.env.RELIABILITY_SERVER_ENTRY ?? path.join(ROOT, 'dist', 'server', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`No built server at ${entry}: run npm run test:reliability`);
  return entry;
}

export type { AppProcess };

export async function startApp(
  name: string,
  env: Record<string, string>,
  fixedPort?: number,
): Promise<AppProcess> {
  const port = fixedPort ?? (await freePort());
  return startAppProcess({
    name,
    entry: serverEntry(),
    cwd: ROOT,
    port,
    env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    keepLines: 400,
    ready: { seconds: 120, probeMs: 3_000 },
    notReady: 'kill',
  });
}

export { waitReady };

/** A round-robin reverse proxy over the backends (a failed backend connection answers 502). */
export function startProxy(backends: string[]) {
  return startRoundRobinProxy(backends, { maxSockets: 256, closeAll: false });
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
