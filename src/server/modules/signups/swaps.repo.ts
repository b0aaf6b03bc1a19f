/** Typed SQL for swap offers between volunteers. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function createSwapsRepo(db: Db) {
  const base = (trx: Db) =>
    trx
      .selectFrom('signup_swaps as w')
      .innerJoin('users as f', 'f.id', 'w.from_user_id')
      .innerJoin('users as t', 't.id', 'w.to_user_id')
      .select([
        'w.id',
        'w.status',
        'w.signup_id',
        'w.from_user_id',
        'f.display_name as from_name',
        'w.to_user_id',
        't.display_name as to_name',
        'w.created_at',
      ]);
  return {
    get: (id: string, trx: Db = db) => base(trx).where('w.id', '=', id).executeTakeFirst(),
    lock: (id: string, trx: Db) =>
      trx.selectFrom('signup_swaps').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
    pendingFor: (userId: string, trx: Db = db) =>
      base(trx)
        .where('w.status', '=', 'pending')
        .where((eb) => eb.or([eb('w.from_user_id', '=', userId), eb('w.to_user_id', '=', userId)]))
        .orderBy('w.created_at')
        .execute(),
    pendingOf: (signupId: string, toUserId: string, trx: Db = db) =>
      trx
        .selectFrom('signup_swaps')
        .select('id')
        .where('signup_id', '=', signupId)
        .where('to_user_id', '=', toUserId)
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    insert: (row: { signup_id: string; from_user_id: string; to_user_id: string; at: Date }, trx: Db) =>
      trx
        .insertInto('signup_swaps')
        .values({
          signup_id: row.signup_id,
          from_user_id: row.from_user_id,
          to_user_id: row.to_user_id,
          created_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    decide: (
      id: string,
      change: { status: 'accepted' | 'declined' | 'withdrawn'; at: Date; newSignupId?: string },
      trx: Db,
    ) =>
      trx
        .updateTable('signup_swaps')
        .set({ status: change.status, decided_at: change.at, new_signup_id: change.newSignupId ?? null })
        .where('id', '=', id)
        .execute(),
    /** Other pending offers of a signup that is no longer the offerer's (after a swap or a cancel). */
    withdrawOthers: (signupId: string, at: Date, trx: Db) =>
      trx
        .updateTable('signup_swaps')
        .set({ status: 'withdrawn', decided_at: at })
        .where('signup_id', '=', signupId)
        .where('status', '=', 'pending')
        .execute(),
  };
}
export type SwapsRepo = ReturnType<typeof createSwapsRepo>;
