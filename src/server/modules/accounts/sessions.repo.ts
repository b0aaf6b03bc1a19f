/** Typed SQL for server-side sessions. */
import { sql } from 'kysely';
import type { Role, ScopeType } from '../../../shared/limits.js';
import type { Db } from './accounts.repo.js';

export function createSessionsRepo(db: Db) {
  return {
    insert: (
      row: {
        token_hash: string;
        user_id: string;
        created_at: Date;
        last_seen_at: Date;
        expires_at: Date;
        user_agent: string | null;
        ip: string | null;
      },
      trx: Db = db,
    ) => trx.insertInto('sessions').values(row).returning(['id']).executeTakeFirstOrThrow(),

    /**
     * The live session for a token hash, with its user and the user's grants (role, scope type, scope id,
     * in the order they were granted), in one query: every signed-in request starts with it.
     */
    findLive: (hash: string, now: Date, idleSince: Date, trx: Db = db) =>
      trx
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id', 's.user_id', 's.last_seen_at', 'u.email', 'u.status', 'u.must_change_password'])
        .select(
          sql<[Role, ScopeType, string | null][]>`(
            select coalesce(json_agg(json_build_array(ra.role, ra.scope_type, ra.scope_id) order by ra.granted_at),
              '[]'::json)
            from role_assignments ra where ra.user_id = s.user_id)`.as('grants'),
        )
        .where('s.token_hash', '=', hash)
        .where('s.ended_at', 'is', null)
        .where('s.expires_at', '>', now)
        .where('s.last_seen_at', '>', idleSince)
        .executeTakeFirst(),

    touch: (id: string, now: Date, trx: Db = db) =>
      trx.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute(),

    listLive: (userId: string, now: Date, idleSince: Date, trx: Db = db) =>
      trx
        .selectFrom('sessions')
        .select(['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', idleSince)
        .orderBy('last_seen_at', 'desc')
        .execute(),

    findById: (id: string, trx: Db = db) =>
      trx
        .selectFrom('sessions')
        .select(['id', 'user_id', 'ended_at'])
        .where('id', '=', id)
        .executeTakeFirst(),

    end: (id: string, now: Date, trx: Db = db) =>
      trx
        .updateTable('sessions')
        .set({ ended_at: now })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .execute(),

    endAllOf: (userId: string, now: Date, exceptId: string | null, trx: Db = db) => {
      let q = trx
        .updateTable('sessions')
        .set({ ended_at: now })
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null);
      if (exceptId) q = q.where('id', '!=', exceptId);
      return q.execute();
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
