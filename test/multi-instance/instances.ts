/**
 * Real app processes for the multi-instance test: the server compiled once into a private temporary
 * folder (so a rebuild of the shared `dist/` by anyone else cannot pull files from under the running
 * processes, and the test always runs the current sources), `dobroset start` processes started from it
 * on 127.0.0.1, and a small round-robin HTTP proxy that tags each answer with the instance that gave it
 * (both from `test/support/processes.ts`). Everything started here is stopped by its own handle (process
 * ids, server objects), never by name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/pg-cluster.js';
import {
  type AppProcess,
  type RoundRobinProxy,
  startAppProcess,
  startRoundRobinProxy,
} from '../support/processes.js';

export type { RoundRobinProxy };

const ROOT = path.resolve(import.meta.dirname, '../..');

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

export type Instance = AppProcess;

/** Starts `node <entry> start` with the given environment and waits until `/api/ready` answers 200. */
export async function startInstance(
  name: string,
  entry: string,
  env: Record<string, string>,
): Promise<Instance> {
  return startAppProcess({
    name,
    entry,
    cwd: path.dirname(entry),
    port: await freePort(),
    env,
    keepLines: 300,
    ready: { seconds: 180, probeMs: 5_000 },
    notReady: 'stop',
    killOnExit: true,
  });
}

/** The round-robin proxy in front of the instances (answers tagged `x-backend: <index>`). */
export function startProxy(backends: string[]): Promise<RoundRobinProxy> {
  return startRoundRobinProxy(backends, { maxSockets: 128, closeAll: true });
}
