/** Typed SQL for reminders (claimed once per signup) and for the notices of shift changes. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SignupStatus } from './signups.tables.js';

type Db = Kysely<Database>;

export type ReminderColumn = 'reminded_24h_at' | 'reminded_2h_at';

/** A signup whose reminder this sweep has claimed; `confirmed_at` is when the row last changed status. */
export type ClaimedReminder = { id: string; user_id: string; shift_id: string; confirmed_at: Date };

export function createRemindersRepo(db: Db) {
  return {
    /**
     * Marks up to `limit` confirmed signups of scheduled shifts of published opportunities starting in
     * (`after`, `until`] whose `column` is still empty, and returns them. The mark is the claim: a second
     * sweep (another instance) skips rows locked by the first and, once it commits, finds them marked.
     */
    claim: async (
      column: ReminderColumn,
      window: { after: Date; until: Date },
      now: Date,
      limit: number,
      trx: Db,
    ) => {
      const col = sql.ref(column);
      const result = await sql<ClaimedReminder>`
        with due as (
          select g.id from signups g
            join shifts s on s.id = g.shift_id
            join opportunities o on o.id = s.opportunity_id
          where g.status = 'confirmed' and g.${col} is null
            and s.status = 'scheduled' and o.status = 'published'
            and s.starts_at > ${window.after} and s.starts_at <= ${window.until}
          order by s.starts_at, g.id
          limit ${limit}
          for update of g skip locked
        )
        update signups g set ${col} = ${now}
        from due
        where g.id = due.id and g.${col} is null and g.status = 'confirmed'
        returning g.id, g.user_id, g.shift_id, g.updated_at as confirmed_at`.execute(trx);
      return result.rows.map((r) => ({ ...r, confirmed_at: new Date(r.confirmed_at) }));
    },

    /** What a notice says about shifts: title, times, the region's time zone and where it takes place. */
    shifts: (ids: readonly string[], trx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('shifts as s')
            .innerJoin('opportunities as o', 'o.id', 's.opportunity_id')
            .innerJoin('centers as c', 'c.id', 'o.center_id')
            .innerJoin('organizations as org', 'org.id', 'c.organization_id')
            .innerJoin('regions as r', 'r.id', 'org.region_id')
            .select([
              's.id',
              's.starts_at',
              's.ends_at',
              's.status',
              'o.id as opportunity_id',
              'o.title',
              'o.address',
              'o.is_online',
              'r.timezone',
            ])
            .where('s.id', 'in', [...ids])
            .execute(),

    /** Scheduled shifts of an opportunity that have not started, in lock order (by id). */
    futureShifts: (opportunityId: string, now: Date, trx: Db) =>
      trx
        .selectFrom('shifts')
        .select('id')
        .where('opportunity_id', '=', opportunityId)
        .where('status', '=', 'scheduled')
        .where('starts_at', '>', now)
        .orderBy('id')
        .execute(),

    /** Signups of a shift in the given statuses, in arrival order. */
    onShift: (shiftId: string, statuses: readonly SignupStatus[], trx: Db = db) =>
      trx
        .selectFrom('signups')
        .select(['id', 'user_id', 'status'])
        .where('shift_id', '=', shiftId)
        .where('status', 'in', [...statuses])
        .orderBy('seq')
        .execute(),

    /** Sent reminders no longer match a moved shift: both are due again for its new time. */
    rearm: (shiftId: string, trx: Db) =>
      trx
        .updateTable('signups')
        .set({ reminded_24h_at: null, reminded_2h_at: null })
        .where('shift_id', '=', shiftId)
        .where('status', 'in', ['applied', 'confirmed', 'waitlisted', 'offered'])
        .execute(),
  };
}
export type RemindersRepo = ReturnType<typeof createRemindersRepo>;
