// Processes on Linux: what /proc says about them (resident memory, CPU time, process groups), and ending
// or waiting for a child this process started (always by its pid, never by name).
import fs from 'node:fs';
import { sleep } from './util.mjs';

/** VmRSS of a process in bytes (Linux), or null. */
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name, or null when the process has ended. The command
 * may hold spaces, so they are counted after its ')': state(0) ppid(1) pgrp(2) … utime(11) stime(12)
 * cutime(13) cstime(14).
 */
export function statFields(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The pids of every process running now. */
export function allPids() {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** The pids (with their stat fields) of the processes in the process group `pgid`. */
function groupMembers(pgid) {
  return allPids()
    .map((pid) => ({ pid, fields: statFields(pid) }))
    .filter(({ fields }) => fields !== null && Number(fields[2]) === pgid);
}

/** Resident memory (MB, 10⁶ bytes) of every process in the process group `pgid`. */
export function groupRssMB(pgid) {
  let bytes = 0;
  for (const { pid } of groupMembers(pgid)) bytes += rssOf(pid) ?? 0; // 0: the process ended meanwhile
  return bytes / 1e6;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/**
 * CPU time (ms) the process group has used: its live processes, and the ended children the leader has
 * reaped (for the leader also cutime, cstime: the children it has waited for).
 */
export function groupCpuMs(pgid) {
  let ticks = 0;
  for (const { pid, fields } of groupMembers(pgid)) {
    const own = Number(fields[11]) + Number(fields[12]);
    ticks += pid === pgid ? own + Number(fields[13]) + Number(fields[14]) : own;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

const running = (child) => child.exitCode === null && child.signalCode === null;

/** Ends a child process: SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves once it has exited. */
export async function stopChild(child, graceMs = 10_000) {
  if (!running(child)) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => running(child) && child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Polls `url` every `intervalMs` until it answers 2xx. Resolves 'ok', 'exited' as soon as `child` (when
 * given) has ended, or 'timeout' after `timeoutMs`.
 */
export async function untilAnswers(
  url,
  { child, timeoutMs = Number.POSITIVE_INFINITY, intervalMs = 200 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && !running(child)) return 'exited';
    if (Date.now() > deadline) return 'timeout';
    try {
      const res = await fetch(url);
      if (res.ok) return 'ok';
    } catch {
      // not listening yet
    }
    await sleep(intervalMs);
  }
}
