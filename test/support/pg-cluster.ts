/**
 * A throwaway PostgreSQL cluster from the local binaries, on a free port, for the test suite. PostgreSQL
 * refuses to run as root, so as root the cluster runs as the `postgres` system user.
 *
 * Fault tests drive the same cluster through outages: `halt()` / `start()` (pg_ctl stop -m fast, then the
 * same data and port again) and `pause()` / `resume()` (SIGSTOP / SIGCONT of every server process: a
 * database that hangs without closing connections).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN_CANDIDATES = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];

export function findPostgresBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const found = BIN_CANDIDATES.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found)
    throw new Error('PostgreSQL binaries not found: install postgresql or set PG_BIN or TEST_DATABASE_URL');
  return found;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type Cluster = {
  url: string;
  port: number;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
  /** Shuts the server down (`pg_ctl stop -m fast` by default), keeping its data for `start()`. */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts a halted server again on the same port and waits until it accepts connections. */
  start(): Promise<void>;
  /** SIGSTOP to every server process: connections stay open, nothing answers. */
  pause(): void;
  /** SIGCONT to the processes `pause()` stopped. */
  resume(): void;
};

/** The pids of a process and all its descendants (Linux /proc). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces, so read after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export async function startThrowawayCluster(): Promise<Cluster> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  fs.mkdirSync(socketDir);
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? (['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] as const)
      : ([path.join(bin, cmd), args] as const);

  const [initCmd, initArgs] = run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  execFileSync(initCmd, [...initArgs], { stdio: 'ignore' });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  let paused: number[] = [];

  async function launch() {
    const [cmd, args] = run('postgres', [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      socketDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ]);
    const started = spawn(cmd, [...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const deadline = Date.now() + 120_000; // ends as soon as it answers; room for a busy machine
    for (;;) {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (started.exitCode !== null || Date.now() > deadline) {
          started.kill('SIGKILL');
          throw new Error(`PostgreSQL did not start: ${stderr.slice(-2000)}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /**
   * runuser (like su) stops itself when the server it runs stops, and waits for a SIGCONT of its own before it
   * watches the server again; continuing only the server's processes would leave it stopped for good, and the
   * server's exit unreaped. So every resume (and halt) continues the wrapper too.
   */
  function continueWrapper(running: ChildProcess | null) {
    if (!running?.pid || running.exitCode !== null) return;
    try {
      process.kill(running.pid, 'SIGCONT');
    } catch {
      // gone meanwhile
    }
  }

  function postmasterPid(): number | null {
    try {
      return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  }

  async function halt(mode: 'fast' | 'immediate' = 'fast') {
    const running = child;
    if (!running || running.exitCode !== null) return;
    if (paused.length > 0) cluster.resume();
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // pg_ctl's shutdown reaches the server itself (runuser does not forward every signal).
    const [stopCmd, stopArgs] = run('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '20']);
    try {
      execFileSync(stopCmd, [...stopArgs], { stdio: 'ignore' });
    } catch {
      running.kill('SIGKILL');
    }
    // A wrapper that stopped itself while the server was paused (below) must run again to reap the server.
    continueWrapper(running);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
    child = null;
  }

  await launch();
  const cluster: Cluster = {
    url,
    port,
    async stop() {
      await halt('fast');
      fs.rmSync(dir, { recursive: true, force: true });
    },
    halt,
    start: launch,
    pause() {
      const pm = postmasterPid();
      if (!pm) throw new Error('the server is not running');
      paused = processTree(pm);
      for (const pid of paused) process.kill(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of paused) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // gone meanwhile
        }
      }
      paused = [];
      continueWrapper(child);
    },
  };
  return cluster;
}
