/**
 * An exclusive lock on the embedded data directory. PGlite has none of its own, and two processes on one
 * directory silently lose acknowledged commits, so we refuse to open a directory another live process holds.
 *
 * Exactly one of several racing processes wins, also when they take over a stale lock together:
 * - the lock file appears complete and atomically: written under a unique name, then hard-linked to
 *   `dobroset.lock` (link fails if the name exists), so nobody ever reads a half-written lock;
 * - a stale lock (its process is gone) is replaced only by the one process that first creates the
 *   takeover marker named after that lock's token (`dobroset.lock.takeover-<token>-<level>`, exclusive
 *   create); it re-reads the lock, and only if it is still the same stale one, renames its own file over
 *   it. If a marker's creator died before finishing, the next level's marker decides among the rest.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type LockInfo = { pid: number; hostname: string; startedAt: string; command: string; token?: string };

const LOCK_NAME = 'dobroset.lock';
const TAKEOVER = `${LOCK_NAME}.takeover-`;
/** A takeover is a few file operations; a loser waits this long at most for the winner to finish. */
const TAKEOVER_WAIT_MS = 5_000;

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

/** The lock as it is now: its content (null if unreadable) and an identity that changes with each lock. */
function readLock(file: string): { info: LockInfo | null; identity: string } | null {
  let stat: fs.Stats;
  let text: string;
  try {
    stat = fs.statSync(file);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let info: LockInfo | null = null;
  try {
    info = JSON.parse(text) as LockInfo;
  } catch {
    info = null;
  }
  // Locks written by this version carry a random token; older or damaged ones are known by inode and ctime.
  const identity =
    info?.token && /^[a-f0-9]{8,64}$/.test(info.token)
      ? info.token
      : `i${stat.ino}-${Math.floor(stat.ctimeMs)}`;
  return { info, identity };
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Exclusive create of a small file; false if the name exists. */
function createExclusive(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function markerHolderAlive(file: string): boolean {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const pid = Number(text);
    // An empty marker is being written right now, unless its creator died between create and write.
    if (text === '' || !Number.isInteger(pid) || pid <= 0) {
      return Date.now() - fs.statSync(file).mtimeMs < 2_000;
    }
    return isAlive(pid);
  } catch {
    return true;
  }
}

/** Takes the lock or throws DataDirLockedError. A lock left by a dead process on this host is taken over. */
export function acquireDataDirLock(dir: string, command = 'dobroset'): { file: string; release: () => void } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_NAME);
  const mine: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command,
    token: randomBytes(16).toString('hex'),
  };
  // Our lock, complete, under a name nobody else uses.
  const candidate = path.join(dir, `${LOCK_NAME}.${process.pid}.${mine.token}`);
  fs.writeFileSync(candidate, JSON.stringify(mine), { flag: 'wx' });
  const held = () => {
    let released = false;
    return {
      file,
      release: () => {
        if (released) return;
        released = true;
        if (readLock(file)?.info?.token === mine.token) fs.rmSync(file, { force: true });
      },
    };
  };
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  try {
    for (;;) {
      try {
        fs.linkSync(candidate, file);
        return held();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readLock(file);
      if (!current) continue; // released meanwhile: try again
      const holder = current.info;
      if (holder && holder.hostname === mine.hostname && holder.pid === process.pid) {
        throw new DataDirLockedError(dir, holder);
      }
      const stale = holder === null || (holder.hostname === mine.hostname && !isAlive(holder.pid));
      if (!stale) throw new DataDirLockedError(dir, holder);
      if (takeOver(dir, file, candidate, current.identity)) return held();
      if (Date.now() > deadline) {
        throw new Error(`Could not take the lock on ${dir}: another process is taking over a stale lock`);
      }
      sleepSync(5);
    }
  } finally {
    fs.rmSync(candidate, { force: true });
  }
}

/**
 * Replaces the stale lock `identity` with ours if we are the one process entitled to: the creator of its
 * takeover marker at the lowest level whose creator is still alive. Returns false if someone else is.
 */
function takeOver(dir: string, file: string, candidate: string, identity: string): boolean {
  for (let level = 1; level < 100; level++) {
    const marker = path.join(dir, `${TAKEOVER}${identity}-${level}`);
    if (!createExclusive(marker, String(process.pid))) {
      if (markerHolderAlive(marker)) return false;
      continue; // that taker died midway: compete one level up
    }
    // We own this level; every lower level's owner is dead, and higher levels exist only if we die.
    if (readLock(file)?.identity !== identity) {
      fs.rmSync(marker, { force: true });
      return false;
    }
    fs.renameSync(candidate, file);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(`${TAKEOVER}${identity}-`)) fs.rmSync(path.join(dir, name), { force: true });
    }
    return true;
  }
  return false;
}
