/**
 * Rate limits kept in PostgreSQL (`rate_limits`), so every instance of the platform counts against the
 * same numbers and a restart forgets nothing. Each operation is ONE statement (`insert … on conflict
 * (key) do update … returning`), so parallel requests can never all read "below the limit": the row
 * lock serialises them and each sees the count its own increment produced. Callers count an attempt
 * BEFORE they evaluate it (a code, a password) and give it back only when it succeeded.
 *
 * Keys are short strings chosen by the caller (`http:POST /api/auth/login:203.0.113.7`,
 * `checkin-code:<user id>`, `login:<sha-256 of the address>`); never an e-mail address in clear.
 * Expired rows are swept now and then by whichever instance is counting.
 */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError, type FieldIssue } from '../errors.js';

/** A 429 that tells the client when to come back (the `Retry-After` header is set from it). */
export class RetryLaterError extends AppError {
  constructor(
    code: FieldIssue['code'],
    message: string,
    readonly retryAfterSeconds: number,
    fieldErrors?: FieldIssue[],
  ) {
    super(code, 429, message, fieldErrors);
  }
}

export type Hit = { hits: number; resetAt: Date; ttlMs: number };
export type Claim = { allowed: true; hits: number } | { allowed: false; retryAt: Date };

/** A progressive delay: `free` attempts at once, then one attempt per `baseMs · 2^(n − free)`, capped. */
export type DelayPolicy = { free: number; baseMs: number; maxMs: number; windowMs: number };

/** How many counting operations between two sweeps of expired rows (per instance). */
const SWEEP_EVERY = 500;

export function createRateLimits(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  let sinceSweep = 0;

  async function maybeSweep() {
    sinceSweep++;
    if (sinceSweep < SWEEP_EVERY) return;
    sinceSweep = 0;
    await sweep();
  }

  async function sweep(): Promise<number> {
    const result = await db.deleteFrom('rate_limits').where('reset_at', '<', clock.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  return {
    /**
     * Counts one attempt in a fixed window that starts with the first attempt; returns the count
     * including this one. The caller decides: over its maximum → refuse without evaluating.
     */
    async hit(key: string, windowMs: number): Promise<Hit> {
      const now = clock.now();
      const resetAt = new Date(now.getTime() + windowMs);
      const { rows } = await sql<{ hits: number; reset_at: Date }>`
        insert into rate_limits as r (key, hits, reset_at, last_at)
        values (${key}, 1, ${resetAt}, ${now})
        on conflict (key) do update set
          hits = case when r.reset_at <= excluded.last_at then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= excluded.last_at then excluded.reset_at else r.reset_at end,
          last_at = excluded.last_at
        returning hits, reset_at`.execute(db);
      await maybeSweep();
      const row = rows[0] as { hits: number; reset_at: Date };
      const at = new Date(row.reset_at);
      return { hits: Number(row.hits), resetAt: at, ttlMs: Math.max(0, at.getTime() - now.getTime()) };
    },

    /** The current count of a live window (no change), or null. */
    async peek(key: string): Promise<Hit | null> {
      const now = clock.now();
      const row = await db
        .selectFrom('rate_limits')
        .select(['hits', 'reset_at'])
        .where('key', '=', key)
        .where('reset_at', '>', now)
        .executeTakeFirst();
      if (!row) return null;
      return {
        hits: Number(row.hits),
        resetAt: row.reset_at,
        ttlMs: Math.max(0, row.reset_at.getTime() - now.getTime()),
      };
    },

    /** Gives back one counted attempt (it succeeded, so it does not count against the caller). */
    async refund(key: string): Promise<void> {
      await sql`update rate_limits set hits = greatest(hits - 1, 0)
        where key = ${key} and reset_at > ${clock.now()}`.execute(db);
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },

    /**
     * Claims the right to one attempt under a progressive delay, counting it at once. Refused (and not
     * counted) while the delay since the last counted attempt runs. Every counted attempt keeps the
     * counter alive for `windowMs` more; a quiet window forgets it (the counter decays).
     */
    async claim(key: string, policy: DelayPolicy): Promise<Claim> {
      const now = clock.now();
      const resetAt = new Date(now.getTime() + policy.windowMs);
      const baseSeconds = policy.baseMs / 1000;
      const maxSeconds = policy.maxMs / 1000;
      const { rows } = await sql<{ hits: number }>`
        insert into rate_limits as r (key, hits, reset_at, last_at)
        values (${key}, 1, ${resetAt}, ${now})
        on conflict (key) do update set
          hits = case when r.reset_at <= excluded.last_at then 1 else r.hits + 1 end,
          reset_at = excluded.reset_at,
          last_at = excluded.last_at
        where r.reset_at <= excluded.last_at
          or r.hits < ${policy.free}
          or r.last_at + make_interval(secs => least(
               ${baseSeconds}::float8 * power(2::float8, least(r.hits - ${policy.free}, 30)),
               ${maxSeconds}::float8)) <= excluded.last_at
        returning hits`.execute(db);
      await maybeSweep();
      if (rows[0]) return { allowed: true, hits: Number(rows[0].hits) };
      const row = await db
        .selectFrom('rate_limits')
        .select(['hits', 'last_at'])
        .where('key', '=', key)
        .executeTakeFirst();
      const hits = Number(row?.hits ?? policy.free);
      const delayMs = Math.min(policy.baseMs * 2 ** Math.min(hits - policy.free, 30), policy.maxMs);
      const lastAt = row?.last_at ?? now;
      return { allowed: false, retryAt: new Date(new Date(lastAt).getTime() + delayMs) };
    },

    sweep,
    now: () => clock.now(),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;

/** Seconds until `at` (at least 1), for `Retry-After`. */
export const secondsUntil = (at: Date, now: Date) =>
  Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
