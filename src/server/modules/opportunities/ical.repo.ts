/** Typed SQL for calendar output: one shift, the private feeds (token hashes) and a feed's shifts. */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CalendarShift } from './ical.js';

type Db = Kysely<Database>;

export function createCalendarRepo(db: Db) {
  return {
    shift: (id: string, trx: Db = db) =>
      trx.selectFrom('shifts').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The feed whose token has this hash. */
    feedByTokenHash: (hash: string, trx: Db = db) =>
      trx.selectFrom('calendar_feeds').select('user_id').where('token_hash', '=', hash).executeTakeFirst(),

    feedOf: (userId: string, trx: Db = db) =>
      trx.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst(),

    /** Creates the user's feed, or replaces its token (the old address stops working). */
    saveFeed: (feed: Insertable<Database['calendar_feeds']>, trx: Db = db) =>
      trx
        .insertInto('calendar_feeds')
        .values(feed)
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({ token_hash: feed.token_hash, created_at: feed.created_at }),
        )
        .execute(),

    removeFeed: (userId: string, trx: Db = db) =>
      trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute(),

    /**
     * The user's confirmed (and attended) shifts starting from `since`, at most 1,000.
     */
    feedShifts: async (userId: string, since: Date, trx: Db = db) =>
      (
        await sql<CalendarShift & { startsAt: Date }>`
          select s.id, s.starts_at as "startsAt", s.ends_at as "endsAt", s.status, o.title,
            o.description, c.name as "centerName", o.address, o.is_online as "isOnline",
            o.id as "opportunityId", s.ical_sequence as sequence
          from signups g
          join shifts s on s.id = g.shift_id
          join opportunities o on o.id = s.opportunity_id
          join centers c on c.id = o.center_id
          where g.user_id = ${userId} and g.status in ('confirmed', 'attended')
            and s.starts_at >= ${since}
          order by s.starts_at
          limit 1000
        `.execute(trx)
      ).rows,
  };
}
export type CalendarRepo = ReturnType<typeof createCalendarRepo>;
