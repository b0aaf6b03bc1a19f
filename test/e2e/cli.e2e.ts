/** The `dobroset` command as a user runs it: help, two processes on one data directory, backup and restore. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/server.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/dobroset.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-cli-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

async function waitForHealth(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

describe('dobroset CLI', () => {
  it('--help lists every command, and each has its own help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'admin', 'backup', 'restore'])
      expect(help.stdout).toContain(command);
    for (const command of [['start'], ['migrate'], ['seed'], ['admin', 'create'], ['backup'], ['restore']]) {
      const sub = await cli([...command, '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toContain(`Usage: dobroset ${command.join(' ')}`);
    }
  });

  it('refuses an invalid setting naming the variable', async () => {
    const res = await cli(['start'], { PORT: 'many' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT');
  });

  it('starts, refuses a second process on the same data directory, backs up and restores', async () => {
    const dataDir = path.join(tmp, 'data');
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        BIN,
        'start',
        '--data-dir',
        dataDir,
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--log-level',
        'warn',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    await waitForHealth(`http://127.0.0.1:${port}`, child);
    expect(stdout).toMatch(/regional_admin\s+operator@demo\.dobroset\.invalid\s+password: \S+/);
    const summary = await (await fetch(`http://127.0.0.1:${port}/api/public/summary`)).json();
    expect(summary).toMatchObject({ activeCenters: 9, municipalitiesTotal: 34 });

    const second = await cli(['start', '--data-dir', dataDir, '--port', String(await freePort())]);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`process ${child.pid}`);

    const admin = await cli(['admin', 'create', '--email', 'op@example.ru', '--data-dir', dataDir]);
    expect(admin.code).toBe(3);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(fs.existsSync(path.join(dataDir, 'dobroset.lock'))).toBe(false);

    const created = await cli(['admin', 'create', '--email', 'Op@Example.ru', '--data-dir', dataDir]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/One-time password: \S{16}/);

    const file = path.join(tmp, 'backup.gz');
    const backup = await cli(['backup', file, '--data-dir', dataDir]);
    expect(backup.code).toBe(0);
    const restoredDir = path.join(tmp, 'restored');
    const restore = await cli(['restore', file, '--data-dir', restoredDir]);
    expect(restore.code).toBe(0);
    const intoFull = await cli(['restore', file, '--data-dir', restoredDir]);
    expect(intoFull.code).toBe(3);

    const port2 = await freePort();
    const again = spawn(
      process.execPath,
      [
        BIN,
        'start',
        '--data-dir',
        restoredDir,
        '--port',
        String(port2),
        '--host',
        '127.0.0.1',
        '--log-level',
        'warn',
      ],
      { stdio: 'ignore' },
    );
    children.push(again);
    await waitForHealth(`http://127.0.0.1:${port2}`, again);
    expect(await (await fetch(`http://127.0.0.1:${port2}/api/public/summary`)).json()).toEqual(summary);
    const login = await fetch(`http://127.0.0.1:${port2}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'dobroset' },
      body: JSON.stringify({
        email: 'op@example.ru',
        password: /One-time password: (\S+)/.exec(created.stdout)?.[1],
      }),
    });
    expect(login.status).toBe(200);
    again.kill('SIGTERM');

    const withStdin = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const c = spawn(
        process.execPath,
        [BIN, 'admin', 'create', '--email', 'second@example.ru', '--password-stdin', '--data-dir', dataDir],
        {
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let out = '';
      c.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      c.on('exit', (code) => resolve({ code, out }));
      c.stdin.end('Беловский-Ручей-2026\n');
    });
    expect(withStdin.code).toBe(0);
    expect(withStdin.out).toContain('second@example.ru is ready');
    expect(withStdin.out).not.toContain('One-time password');

    const removed = await cli(['seed', '--remove-demo', '--data-dir', dataDir]);
    expect(removed.stdout).toMatch(/Demo data removed \(63 demo users\)/);
  });
});
