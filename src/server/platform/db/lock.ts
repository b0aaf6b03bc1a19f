/**
 * An exclusive lock on the embedded data directory. PGlite has none of its own, and two processes on one
 * directory silently lose acknowledged commits, so we refuse to open a directory another live process holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type LockInfo = { pid: number; hostname: string; startedAt: string; command: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data directory ${dir} is in use by process ${holder.pid} on ${holder.hostname} ` +
        `(${holder.command}, since ${holder.startedAt}). Stop that process first, or set DATA_DIR to another directory.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError. A lock left by a dead process on this host is taken over. */
export function acquireDataDirLock(dir: string, command = 'dobroset'): { file: string; release: () => void } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'dobroset.lock');
  const mine: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          const current = readLock(file);
          if (current?.pid === process.pid && current.hostname === mine.hostname)
            fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      const stale =
        holder === null ||
        (holder.hostname === mine.hostname && (holder.pid === process.pid ? false : !isAlive(holder.pid)));
      if (holder && holder.pid === process.pid && holder.hostname === mine.hostname) {
        throw new DataDirLockedError(dir, holder);
      }
      if (!stale) throw new DataDirLockedError(dir, holder as LockInfo);
      // Stale: the holder is gone. Remove its lock and try again (another starter may race us; wx decides).
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
