/** Typed SQL for signups: the locks that make capacity and overlap safe, counts, lists and the roster. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { createPersonRepo } from './person.repo.js';
import { ACTIVE, HOLDING } from './signup-rules.js';
import type { CancelledBy, SignupStatus } from './signups.tables.js';

type Db = Kysely<Database>;

/** Namespace of the per-volunteer advisory lock (first key of pg_advisory_xact_lock(int, int)). */
const VOLUNTEER_LOCK = 2011;

export type ShiftContext = NonNullable<Awaited<ReturnType<ReturnType<typeof createSignupsRepo>['shift']>>>;

export function createSignupsRepo(db: Db) {
  const shiftQuery = (trx: Db) =>
    trx
      .selectFrom('shifts as s')
      .innerJoin('opportunities as o', 'o.id', 's.opportunity_id')
      .innerJoin('centers as c', 'c.id', 'o.center_id')
      .innerJoin('organizations as org', 'org.id', 'c.organization_id')
      .innerJoin('regions as r', 'r.id', 'org.region_id')
      .select([
        's.id',
        's.starts_at',
        's.ends_at',
        's.capacity',
        's.taken',
        's.status',
        'o.id as opportunity_id',
        'o.title',
        'o.status as opportunity_status',
        'o.signup_mode',
        'o.min_age',
        'o.required_skills',
        'c.id as center_id',
        'c.name as center_name',
        'c.status as center_status',
        'org.id as organization_id',
        'r.id as region_id',
        'r.timezone',
      ]);

  return {
    ...createPersonRepo(db),

    shift: (id: string, trx: Db = db) => shiftQuery(trx).where('s.id', '=', id).executeTakeFirst(),

    /**
     * Serialises everything one volunteer does (signups, accepts, swaps) until the transaction ends, so two
     * concurrent signups of one person cannot both pass the overlap and hour checks. Always taken before
     * any shift lock (lock order: volunteers by id, then the shift, then its role).
     */
    lockVolunteer: async (userId: string, trx: Db) => {
      await sql`select pg_advisory_xact_lock(${VOLUNTEER_LOCK}, hashtext(${userId}))`.execute(trx);
    },

    /**
     * Locks the shift row: every change to who holds a place on it queues behind this lock. `taken` is the
     * places held (migration 0021), kept by triggers in the transactions that change them.
     */
    lockShift: (id: string, trx: Db) =>
      trx
        .selectFrom('shifts')
        .select(['id', 'capacity', 'status', 'taken'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /** `lockShift` and `shift` in one statement: the shift row locked, read with its context under the lock. */
    lockedShift: (id: string, trx: Db) =>
      shiftQuery(trx).where('s.id', '=', id).forUpdate('s').executeTakeFirst(),

    lockRole: (id: string, trx: Db) =>
      trx
        .selectFrom('shift_roles')
        .select(['id', 'shift_id', 'capacity', 'name'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /** Places held on the shift (or one of its roles): confirmed, offered, attended, and walk-ins (check-in). */
    held: async (shiftId: string, trx: Db, roleId?: string) => {
      let q = trx
        .selectFrom('signups')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('shift_id', '=', shiftId)
        .where('status', 'in', HOLDING);
      if (roleId) q = q.where('role_id', '=', roleId);
      let w = trx
        .selectFrom('shift_walk_ins')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('shift_id', '=', shiftId)
        .where('removed_at', 'is', null);
      if (roleId) w = w.where('role_id', '=', roleId);
      return Number((await q.executeTakeFirstOrThrow()).n) + Number((await w.executeTakeFirstOrThrow()).n);
    },

    /** A volunteer's active signups (applied, confirmed, waitlisted, offered) on shifts starting after `now`. */
    futureSignupsOf: (userId: string, now: Date, trx: Db) =>
      trx
        .selectFrom('signups as g')
        .innerJoin('shifts as s', 's.id', 'g.shift_id')
        .select(['g.id', 'g.shift_id'])
        .where('g.user_id', '=', userId)
        .where('g.status', 'in', ACTIVE)
        .where('s.starts_at', '>', now)
        .orderBy('g.shift_id')
        .execute(),

    get: (id: string, trx: Db = db) =>
      trx.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirst(),

    lockSignup: (id: string, trx: Db) =>
      trx.selectFrom('signups').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    insert: (
      row: {
        /** Given when the audit and notices were written before the row (a guessed place, see takePlace). */
        id?: string;
        shift_id: string;
        role_id: string | null;
        user_id: string;
        status: SignupStatus;
        offered_until?: Date | null;
        team_signup_id?: string | null;
        created_by: string | null;
        at: Date;
      },
      trx: Db,
    ) =>
      trx
        .insertInto('signups')
        .values({
          ...(row.id ? { id: row.id } : {}),
          shift_id: row.shift_id,
          role_id: row.role_id,
          user_id: row.user_id,
          status: row.status,
          offered_until: row.offered_until ?? null,
          team_signup_id: row.team_signup_id ?? null,
          created_by: row.created_by,
          created_at: row.at,
          updated_at: row.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),

    setStatus: (
      id: string,
      change: {
        status: SignupStatus;
        at: Date;
        offeredUntil?: Date | null;
        cancelledBy?: CancelledBy | null;
        reason?: string | null;
      },
      trx: Db,
    ) =>
      trx
        .updateTable('signups')
        .set({
          status: change.status,
          updated_at: change.at,
          offered_until: change.offeredUntil ?? null,
          cancelled_by: change.status === 'cancelled' ? (change.cancelledBy ?? 'system') : null,
          ...(change.reason !== undefined ? { reason: change.reason } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Checked in now at the desk by `by` (a walk-up who accepted the desk's invitation). */
    markCheckedIn: (id: string, change: { at: Date; by: string | null }, trx: Db) =>
      trx
        .updateTable('signups')
        .set({
          checked_in_at: change.at,
          check_in_method: 'desk',
          checked_in_by: change.by,
          updated_at: change.at,
        })
        .where('id', '=', id)
        .execute(),

    /** The waitlist of a shift, first come first served. */
    waitlist: (shiftId: string, trx: Db = db) =>
      trx
        .selectFrom('signups')
        .select(['id', 'user_id', 'role_id'])
        .where('shift_id', '=', shiftId)
        .where('status', '=', 'waitlisted')
        .orderBy('seq')
        .execute(),

    /** Offers whose deadline has passed. */
    expiredOffers: (now: Date, trx: Db = db) =>
      trx
        .selectFrom('signups')
        .select(['id', 'shift_id', 'user_id'])
        .where('status', '=', 'offered')
        .where('offered_until', '<=', now)
        .execute(),

    /** Shifts with a waitlist (the sweep offers their free places). */
    shiftsWithWaitlist: (trx: Db = db) =>
      trx.selectFrom('signups').select('shift_id').distinct().where('status', '=', 'waitlisted').execute(),

    /** Users holding `role` over the centre (coordinators), for notices. */
    coordinators: (centerId: string, trx: Db = db) =>
      trx
        .selectFrom('role_assignments as ra')
        .innerJoin('users as u', 'u.id', 'ra.user_id')
        .select(['u.id', 'u.email', 'u.display_name', 'u.locale'])
        .where('ra.role', '=', 'center_coordinator')
        .where('ra.scope_type', '=', 'center')
        .where('ra.scope_id', '=', centerId)
        .execute(),

    users: (ids: readonly string[], trx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('users')
            .select(['id', 'email', 'display_name', 'locale'])
            .where('id', 'in', [...ids])
            .execute(),

    userByEmail: (email: string, trx: Db = db) =>
      trx
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'locale'])
        .where(sql<string>`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst(),

    /** Everyone on a shift, with their contact and role name (the coordinator's roster). */
    roster: (shiftId: string, trx: Db = db) =>
      trx
        .selectFrom('signups as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .leftJoin('shift_roles as sr', 'sr.id', 'g.role_id')
        .select([
          'g.id',
          'g.status',
          'g.role_id',
          'sr.name as role_name',
          'g.offered_until',
          'g.cancelled_by',
          'g.reason',
          'g.created_at',
          'g.updated_at',
          'u.id as user_id',
          'u.display_name',
          'u.email',
        ])
        .where('g.shift_id', '=', shiftId)
        .orderBy('g.seq')
        .execute(),

    /** Walk-ins without an account who hold a place on the shift (not removed), in arrival order. */
    walkIns: (shiftId: string, trx: Db = db) =>
      trx
        .selectFrom('shift_walk_ins as w')
        .leftJoin('shift_roles as sr', 'sr.id', 'w.role_id')
        .select([
          'w.id',
          'w.full_name',
          'w.contact',
          'w.role_id',
          'sr.name as role_name',
          'w.checked_in_at',
          'w.checked_out_at',
        ])
        .where('w.shift_id', '=', shiftId)
        .where('w.removed_at', 'is', null)
        .orderBy('w.created_at')
        .orderBy('w.id')
        .execute(),

    /** Where the shift's opportunity takes place (the sign-in sheet's header). */
    venue: (opportunityId: string, trx: Db = db) =>
      trx
        .selectFrom('opportunities')
        .select(['address', 'is_online'])
        .where('id', '=', opportunityId)
        .executeTakeFirst(),

    roles: (shiftId: string, trx: Db = db) =>
      trx
        .selectFrom('shift_roles')
        .select(['id', 'name', 'capacity'])
        .where('shift_id', '=', shiftId)
        .orderBy('name')
        .execute(),

    /** Signups with their shifts (a volunteer's own list, or one signup by id). */
    views: (filter: { userId?: string; id?: string }, trx: Db = db) => {
      let q = trx
        .selectFrom('signups as g')
        .innerJoin('shifts as s', 's.id', 'g.shift_id')
        .innerJoin('opportunities as o', 'o.id', 's.opportunity_id')
        .innerJoin('centers as c', 'c.id', 'o.center_id')
        .leftJoin('shift_roles as sr', 'sr.id', 'g.role_id')
        .select([
          'g.id',
          'g.user_id',
          'g.status',
          'g.offered_until',
          'g.cancelled_by',
          'g.reason',
          'g.created_at',
          'g.role_id',
          'g.checked_in_at',
          'g.checked_out_at',
          'sr.name as role_name',
          's.id as shift_id',
          's.starts_at',
          's.ends_at',
          's.status as shift_status',
          'o.id as opportunity_id',
          'o.title',
          'c.id as center_id',
          'c.name as center_name',
        ]);
      if (filter.userId) q = q.where('g.user_id', '=', filter.userId);
      if (filter.id) q = q.where('g.id', '=', filter.id);
      return q.orderBy('s.starts_at').orderBy('g.seq').execute();
    },
  };
}
export type SignupsRepo = ReturnType<typeof createSignupsRepo>;
