/**
 * Limits short-code guessing: at most `max` codes per user evaluated in a window that starts with the
 * first attempt. The count lives in PostgreSQL (platform/http/rate-limits.ts), shared by every instance
 * and kept over restarts. Each attempt is counted BEFORE its code is compared, in one atomic statement,
 * so a burst of parallel guesses gets at most `max` codes evaluated; a right code is given back.
 */
import type { RateLimits } from '../../platform/http/rate-limits.js';

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;

export function createAttemptLimiter(limits: RateLimits, opts: { max: number; windowMs: number }) {
  const key = (userId: string) => `checkin-code:${userId}`;
  return {
    /** Counts one attempt: null when its code may be evaluated, else when the user may try again. */
    async attempt(userId: string): Promise<Date | null> {
      const hit = await limits.hit(key(userId), opts.windowMs);
      return hit.hits > opts.max ? hit.resetAt : null;
    },
    /** The code was right: the attempt does not count against the user. */
    async succeeded(userId: string): Promise<void> {
      await limits.refund(key(userId));
    },
  };
}
