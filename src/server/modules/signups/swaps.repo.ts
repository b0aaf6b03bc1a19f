/**
 * Typed SQL for swap offers between volunteers. An offer is made to an address (`to_email`); the account
 * that answers it is recorded in `to_user_id` only then (migration 0018).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { verifiedEmail } from './invitations.repo.js';
import type { SwapStatus } from './signups.tables.js';

type Db = Kysely<Database>;

/** Still open as far as the offerer can tell: a decline is not shown to them (it would name an account). */
const OPEN_TO_OFFERER = ['pending', 'declined'] as const;

export function createSwapsRepo(db: Db) {
  const base = (trx: Db) =>
    trx
      .selectFrom('signup_swaps as w')
      .innerJoin('users as f', 'f.id', 'w.from_user_id')
      .leftJoin('users as t', 't.id', 'w.to_user_id')
      .select([
        'w.id',
        'w.status',
        'w.signup_id',
        'w.from_user_id',
        'f.display_name as from_name',
        'w.to_email',
        'w.to_user_id',
        't.display_name as to_name',
        'w.created_at',
      ]);
  return {
    get: (id: string, trx: Db = db) => base(trx).where('w.id', '=', id).executeTakeFirst(),
    lock: (id: string, trx: Db) =>
      trx.selectFrom('signup_swaps').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
    /** The user's address if it is verified: only then may they answer offers made to it. */
    verifiedEmail: (userId: string, trx: Db = db) => verifiedEmail(trx, userId),
    /**
     * Open offers of a user on shifts that have not started: those they made (pending, or declined — shown
     * as pending), and those made to their verified address (pending, not their own), soonest shift first.
     */
    openFor: (userId: string, email: string | null, now: Date, trx: Db = db) =>
      base(trx)
        .innerJoin('signups as g', 'g.id', 'w.signup_id')
        .innerJoin('shifts as s', 's.id', 'g.shift_id')
        .where('s.starts_at', '>', now)
        .where((eb) => {
          const mine = eb.and([
            eb('w.from_user_id', '=', userId),
            eb('w.status', 'in', [...OPEN_TO_OFFERER]),
          ]);
          if (!email) return mine;
          return eb.or([
            mine,
            eb.and([
              eb('w.to_email', '=', email),
              eb('w.status', '=', 'pending'),
              eb('w.from_user_id', '<>', userId),
            ]),
          ]);
        })
        .orderBy('s.starts_at')
        .orderBy('w.created_at')
        .orderBy('w.id')
        .execute(),
    /** The offer of the signup to the address that is still open as far as the offerer can tell. */
    openOf: (signupId: string, email: string, trx: Db = db) =>
      trx
        .selectFrom('signup_swaps')
        .select('id')
        .where('signup_id', '=', signupId)
        .where('to_email', '=', email)
        .where('status', 'in', [...OPEN_TO_OFFERER])
        .executeTakeFirst(),
    insert: (row: { signup_id: string; from_user_id: string; to_email: string; at: Date }, trx: Db) =>
      trx
        .insertInto('signup_swaps')
        .values({
          signup_id: row.signup_id,
          from_user_id: row.from_user_id,
          to_email: row.to_email,
          created_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    /** The answer: `toUserId` is the account that accepted or declined (not set on a withdrawal). */
    decide: (
      id: string,
      change: { status: Exclude<SwapStatus, 'pending'>; at: Date; newSignupId?: string; toUserId?: string },
      trx: Db,
    ) =>
      trx
        .updateTable('signup_swaps')
        .set({
          status: change.status,
          decided_at: change.at,
          new_signup_id: change.newSignupId ?? null,
          ...(change.toUserId ? { to_user_id: change.toUserId } : {}),
        })
        .where('id', '=', id)
        .execute(),
    /**
     * Closes the offers of a signup that is no longer the offerer's (after a swap or a cancel): the pending
     * ones and the declined ones the offerer still sees as pending.
     */
    withdrawOthers: (signupId: string, at: Date, trx: Db) =>
      trx
        .updateTable('signup_swaps')
        .set({ status: 'withdrawn', decided_at: at })
        .where('signup_id', '=', signupId)
        .where('status', 'in', [...OPEN_TO_OFFERER])
        .execute(),
  };
}
export type SwapsRepo = ReturnType<typeof createSwapsRepo>;
export type SwapView = NonNullable<Awaited<ReturnType<SwapsRepo['get']>>>;
