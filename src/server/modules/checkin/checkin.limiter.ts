/**
 * Limits short-code guessing: at most `max` wrong codes per user in a rolling window. Kept in memory (one
 * process serves the platform); a restart forgets the counts, which only gives a guesser a fresh window —
 * still at most a handful of tries out of a million codes, and only for a shift the user is signed up to.
 */
import type { Clock } from '../../platform/clock.js';

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;

export function createAttemptLimiter(clock: Clock, opts: { max: number; windowMs: number }) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = clock.now().getTime() - opts.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  return {
    /** When the caller may try again (null: now). */
    blockedUntil(key: string): Date | null {
      const list = recent(key);
      if (list.length < opts.max) return null;
      return new Date((list[list.length - opts.max] as number) + opts.windowMs);
    },
    fail(key: string) {
      failures.set(key, [...recent(key), clock.now().getTime()]);
    },
    reset(key: string) {
      failures.delete(key);
    },
  };
}
