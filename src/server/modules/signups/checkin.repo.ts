/** Typed SQL for check-in: a volunteer's signup on a shift, check times, the desk, walk-ins. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** Statuses the desk lists: holding a place, applied, or marked no-show. */
const DESK_STATUSES = ['applied', 'confirmed', 'offered', 'attended', 'no_show'] as const;

export function createCheckinRepo(db: Db) {
  const walkInQuery = (trx: Db) =>
    trx
      .selectFrom('shift_walk_ins as w')
      .leftJoin('shift_roles as sr', 'sr.id', 'w.role_id')
      .select([
        'w.id',
        'w.shift_id',
        'w.full_name',
        'w.contact',
        'w.role_id',
        'sr.name as role_name',
        'w.checked_in_at',
        'w.checked_out_at',
        'w.removed_at',
      ]);

  return {
    /** The volunteer's signup on the shift: the live one if any, else the latest (e.g. cancelled). */
    signupOn: (shiftId: string, userId: string, trx: Db = db) =>
      trx
        .selectFrom('signups')
        .selectAll()
        .where('shift_id', '=', shiftId)
        .where('user_id', '=', userId)
        .orderBy((eb) => eb.case().when('status', '=', 'cancelled').then(1).else(0).end())
        .orderBy('seq', 'desc')
        .executeTakeFirst(),

    setTimes: (
      id: string,
      change: {
        at: Date;
        checkedInAt?: Date | null;
        checkedOutAt?: Date | null;
        method?: 'qr' | 'desk' | null;
        by?: string | null;
      },
      trx: Db,
    ) =>
      trx
        .updateTable('signups')
        .set({
          updated_at: change.at,
          ...(change.checkedInAt !== undefined ? { checked_in_at: change.checkedInAt } : {}),
          ...(change.checkedOutAt !== undefined ? { checked_out_at: change.checkedOutAt } : {}),
          ...(change.method !== undefined ? { check_in_method: change.method } : {}),
          ...(change.by !== undefined ? { checked_in_by: change.by } : {}),
        })
        .where('id', '=', id)
        .execute(),

    /** The desk's people: everyone applied, holding a place or marked no-show, with contact and role. */
    deskRows: (shiftId: string, filter: { signupId?: string } = {}, trx: Db = db) => {
      let q = trx
        .selectFrom('signups as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .leftJoin('shift_roles as sr', 'sr.id', 'g.role_id')
        .select([
          'g.id',
          'g.status',
          'g.role_id',
          'sr.name as role_name',
          'g.checked_in_at',
          'g.checked_out_at',
          'g.check_in_method',
          'u.id as user_id',
          'u.display_name',
          'u.email',
        ])
        .where('g.shift_id', '=', shiftId);
      q = filter.signupId ? q.where('g.id', '=', filter.signupId) : q.where('g.status', 'in', DESK_STATUSES);
      return q.orderBy('u.display_name').orderBy('g.seq').execute();
    },

    walkIns: (shiftId: string, trx: Db = db) =>
      walkInQuery(trx)
        .where('w.shift_id', '=', shiftId)
        .where('w.removed_at', 'is', null)
        .orderBy('w.created_at')
        .execute(),

    walkIn: (id: string, trx: Db = db) => walkInQuery(trx).where('w.id', '=', id).executeTakeFirst(),

    lockWalkIn: (id: string, trx: Db) =>
      trx.selectFrom('shift_walk_ins').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    insertWalkIn: (
      row: {
        shiftId: string;
        roleId: string | null;
        fullName: string;
        contact: string | null;
        addedBy: string;
        at: Date;
      },
      trx: Db,
    ) =>
      trx
        .insertInto('shift_walk_ins')
        .values({
          shift_id: row.shiftId,
          role_id: row.roleId,
          full_name: row.fullName,
          contact: row.contact,
          checked_in_at: row.at,
          added_by: row.addedBy,
          created_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    updateWalkIn: (
      id: string,
      change: { checkedOutAt?: Date; removedAt?: Date; removedBy?: string; reason?: string },
      trx: Db,
    ) =>
      trx
        .updateTable('shift_walk_ins')
        .set({
          ...(change.checkedOutAt ? { checked_out_at: change.checkedOutAt } : {}),
          ...(change.removedAt
            ? { removed_at: change.removedAt, removed_by: change.removedBy, removal_reason: change.reason }
            : {}),
        })
        .where('id', '=', id)
        .execute(),
  };
}
export type CheckinRepo = ReturnType<typeof createCheckinRepo>;
