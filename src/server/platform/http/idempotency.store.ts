/** Typed SQL for `idempotency_keys` (migration 0017): claim, look up, complete, release, sweep. */
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type IdempotencyKeysTable = {
  /** `user:<id>`, or `anon:<sha-256 of the session token or the client address>`. */
  owner: string;
  key: string;
  /** SHA-256 of method, URL and body: a different request under the same key is refused. */
  fingerprint: string;
  /** Which request holds the key (so a request whose lease lapsed cannot overwrite a newer claim). */
  claim: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  response_body: string | null;
  created_at: Timestamp;
  locked_until: Timestamp;
  expires_at: Timestamp;
};

export type IdempotencyTables = { idempotency_keys: IdempotencyKeysTable };

export type Claim = { owner: string; key: string; claim: string };
export type StoredResponse = { status: number; headers: Record<string, string>; body: string | null };

export function createIdempotencyStore(db: Kysely<IdempotencyTables>) {
  return {
    /**
     * Claims the key in one statement: a new key, or one whose answer has expired, or one left in progress
     * by a request whose lease ran out (same request only), becomes this request's. False: someone holds it.
     */
    async claim(
      c: Claim & { fingerprint: string },
      now: Date,
      lease: { leaseMs: number; ttlMs: number },
    ): Promise<boolean> {
      const fresh = {
        fingerprint: c.fingerprint,
        claim: c.claim,
        state: 'in_progress' as const,
        response_status: null,
        response_headers: null,
        response_body: null,
        created_at: now,
        locked_until: new Date(now.getTime() + lease.leaseMs),
        expires_at: new Date(now.getTime() + lease.ttlMs),
      };
      const row = await db
        .insertInto('idempotency_keys')
        .values({ owner: c.owner, key: c.key, ...fresh })
        .onConflict((oc) =>
          oc
            .columns(['owner', 'key'])
            .doUpdateSet(fresh)
            .where((eb) =>
              eb.or([
                eb('idempotency_keys.expires_at', '<=', now),
                eb.and([
                  eb('idempotency_keys.state', '=', 'in_progress'),
                  eb('idempotency_keys.locked_until', '<=', now),
                  eb('idempotency_keys.fingerprint', '=', c.fingerprint),
                ]),
              ]),
            ),
        )
        .returning('claim')
        .executeTakeFirst();
      return row?.claim === c.claim;
    },

    /** The key's row unless it has expired. */
    find: (owner: string, key: string, now: Date) =>
      db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('owner', '=', owner)
        .where('key', '=', key)
        .where('expires_at', '>', now)
        .executeTakeFirst(),

    /** Stores the answer; only the request holding the claim can. */
    complete: (c: Claim, response: StoredResponse, now: Date) =>
      db
        .updateTable('idempotency_keys')
        .set({
          state: 'done',
          response_status: response.status,
          response_headers: JSON.stringify(response.headers),
          response_body: response.body,
          locked_until: now,
        })
        .where('owner', '=', c.owner)
        .where('key', '=', c.key)
        .where('claim', '=', c.claim)
        .execute(),

    /** Gives the key up (an answer that is not kept): the next request with it runs afresh. */
    release: (c: Claim) =>
      db
        .deleteFrom('idempotency_keys')
        .where('owner', '=', c.owner)
        .where('key', '=', c.key)
        .where('claim', '=', c.claim)
        .where('state', '=', 'in_progress')
        .execute(),

    /** Deletes expired keys (stored answers may hold personal data: kept no longer than their lifetime). */
    async sweep(now: Date): Promise<number> {
      const result = await db
        .deleteFrom('idempotency_keys')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
