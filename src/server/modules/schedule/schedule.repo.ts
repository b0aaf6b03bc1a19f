/** The centre's shifts in a time range with their counts, in one statement (no query per shift). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export type ScheduleRow = {
  id: string;
  opportunity_id: string;
  opportunity_title: string;
  opportunity_status: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  held: number;
  applied: number;
  waitlisted: number;
  checked_in: number;
  no_shows: number;
};

export function createScheduleRepo(db: Kysely<Database>) {
  return {
    center: (id: string) =>
      db
        .selectFrom('centers as c')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .innerJoin('regions as r', 'r.id', 'm.region_id')
        .select(['c.id', 'c.name', 'm.region_id', 'r.timezone'])
        .where('c.id', '=', id)
        .executeTakeFirst(),

    /** Shifts of the centre's opportunities starting in [from, to), drafts included, in start order. */
    async shifts(centerId: string, from: Date, to: Date): Promise<ScheduleRow[]> {
      const { rows } = await sql<ScheduleRow>`
        select s.id, s.opportunity_id, o.title as opportunity_title, o.status as opportunity_status,
               s.status, s.starts_at, s.ends_at, s.capacity,
               (coalesce(g.held, 0) + coalesce(w.n, 0))::int as held,
               coalesce(g.applied, 0)::int as applied,
               coalesce(g.waitlisted, 0)::int as waitlisted,
               (coalesce(g.arrived, 0) + coalesce(w.n, 0))::int as checked_in,
               coalesce(g.no_shows, 0)::int as no_shows
        from shifts s
        join opportunities o on o.id = s.opportunity_id
        left join lateral (
          select count(*) filter (where status in ('confirmed', 'offered', 'attended')) as held,
                 count(*) filter (where status = 'applied') as applied,
                 count(*) filter (where status = 'waitlisted') as waitlisted,
                 count(*) filter (where status = 'attended') as arrived,
                 count(*) filter (where status = 'no_show') as no_shows
          from signups where shift_id = s.id
        ) g on true
        left join lateral (
          select count(*) as n from shift_walk_ins where shift_id = s.id and removed_at is null
        ) w on true
        where o.center_id = ${centerId} and s.starts_at >= ${from} and s.starts_at < ${to}
        order by s.starts_at, o.title, s.id
      `.execute(db);
      return rows.map((r) => ({ ...r, starts_at: new Date(r.starts_at), ends_at: new Date(r.ends_at) }));
    },
  };
}
export type ScheduleRepo = ReturnType<typeof createScheduleRepo>;
