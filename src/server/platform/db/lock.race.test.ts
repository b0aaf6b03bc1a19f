/**
 * The data-directory lock under real races: several processes try to take the lock at the same instant,
 * on an empty directory and on a stale lock left by a dead process. Exactly one may win each round.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transformWithOxc } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RACERS = 3;
const ROUNDS = 240;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-lock-race-'));
let children: ChildProcess[] = [];

type Reply = { type: 'result'; result: string } | { type: 'released' } | { type: 'ready' };

function next(child: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`racer exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as Reply);
    });
  });
}

// The child loads the lock module itself (transpiled once from the source), waits for a shared instant
// and then tries to take the lock, like two `dobroset start` launched by a supervisor on the same tick.
const RACER = `
import { acquireDataDirLock } from './lock.mjs';
let held = null;
process.on('message', (msg) => {
  if (msg.type === 'go') {
    while (Date.now() < msg.at) {}
    let result;
    try {
      held = acquireDataDirLock(msg.dir, 'racer');
      result = 'won';
    } catch (error) {
      result = error.name === 'DataDirLockedError' ? 'refused' : 'error: ' + error.message;
    }
    process.send({ type: 'result', result });
  } else if (msg.type === 'release') {
    held?.release();
    held = null;
    process.send({ type: 'released' });
  } else if (msg.type === 'exit') {
    process.exit(0);
  }
});
process.send({ type: 'ready' });
`;

function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString(),
  );
}

beforeAll(async () => {
  const source = fs.readFileSync(path.join(import.meta.dirname, 'lock.ts'), 'utf8');
  const { code } = await transformWithOxc(source, 'lock.ts', { lang: 'ts' });
  fs.writeFileSync(path.join(tmp, 'lock.mjs'), code);
  fs.writeFileSync(path.join(tmp, 'racer.mjs'), RACER);
  children = Array.from({ length: RACERS }, () =>
    fork(path.join(tmp, 'racer.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  );
  await Promise.all(children.map(next));
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.connected) child.send({ type: 'exit' });
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function race(dir: string): Promise<string[]> {
  const at = Date.now() + 25;
  const replies = children.map(next);
  for (const child of children) child.send({ type: 'go', dir, at });
  const results = (await Promise.all(replies)).map((r) => (r.type === 'result' ? r.result : r.type));
  // the winner lets go again, so the next round starts from the state it sets up
  const released = children.map(next);
  for (const child of children) child.send({ type: 'release' });
  await Promise.all(released);
  return results;
}

describe('data directory lock under racing processes', () => {
  it(`exactly one of ${RACERS} processes wins, on a fresh directory and on a dead process's stale lock`, async () => {
    const outcomes: string[] = [];
    const staleHolder = deadPid();
    for (let round = 0; round < ROUNDS; round++) {
      const dir = path.join(tmp, `round-${round}`);
      fs.mkdirSync(dir);
      // 0: no lock; 1: a stale lock of an older version (no token); 2: a stale lock with a token;
      // 3: the same, and a taker that died halfway through an earlier takeover left its marker behind
      const kind = round % 4;
      const stale = kind !== 0;
      if (stale) {
        const token = kind === 1 ? undefined : `dead${String(round).padStart(8, '0')}`;
        fs.writeFileSync(
          path.join(dir, 'dobroset.lock'),
          JSON.stringify({
            pid: staleHolder,
            hostname: os.hostname(),
            startedAt: '2026-01-01T00:00:00Z',
            command: 'dobroset start',
            ...(token ? { token } : {}),
          }),
        );
        if (kind === 3)
          fs.writeFileSync(path.join(dir, `dobroset.lock.takeover-${token}-1`), String(staleHolder));
      }
      const results = await race(dir);
      const winners = results.filter((r) => r === 'won').length;
      const unexpected = results.filter((r) => r !== 'won' && r !== 'refused');
      outcomes.push(`${stale ? 'stale' : 'fresh'}:${winners}${unexpected.length ? `:${unexpected[0]}` : ''}`);
      // after the winner released, nothing of the race is left behind but an unlocked directory
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('dobroset.lock'))).toEqual([]);
    }
    const bad = outcomes.filter((o) => !/^(stale|fresh):1$/.test(o));
    expect(bad, `rounds without exactly one winner: ${bad.length} of ${ROUNDS}`).toEqual([]);
  }, 180_000);
});
