import { type Kysely, sql } from 'kysely';
import { functions as rollupFunctions } from './0024_rollups_without_places.js';

/**
 * Region scale (issue 11): a text search for a common word no longer joins every match to its opportunity.
 * The upcoming rollup keeps a copy of its opportunity's `search_vector`, so the catalogue's "from now on"
 * leg reads `opportunity_rollups` alone in start order (`opportunity_rollups_next_idx`), tests the words on
 * the rollup row and ranks only the rows it keeps. Joining each row to `opportunities` to test the words
 * cost ~13 µs a row: a word in 60,000 of 560,000 opportunities (nation scale) took ~100 ms a page.
 * The copy is written where the rollup is (`refresh_opportunity_rollup`, `recompute_search_rollups`) and
 * when an opportunity's title or description changes (its status already refreshed the rollup).
 * A GIN index over the copy, for the rollups that have a next shift, serves a rare word.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table opportunity_rollups add column search_vector tsvector;
    update opportunity_rollups r set search_vector = o.search_vector
    from opportunities o where o.id = r.opportunity_id;
    create index opportunity_rollups_search_idx on opportunity_rollups using gin (search_vector)
      where next_shift_at is not null;

    drop trigger opportunities_refresh_rollup on opportunities;
    create trigger opportunities_refresh_rollup after update of status, title, description on opportunities
      for each row when (old.status is distinct from new.status
        or old.search_vector is distinct from new.search_vector)
      execute function opportunities_refresh_rollup();
  `.execute(db);
  await functions().execute(db);
  await sql`analyze opportunity_rollups`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger opportunities_refresh_rollup on opportunities;
    create trigger opportunities_refresh_rollup after update of status on opportunities
      for each row when (old.status is distinct from new.status)
      execute function opportunities_refresh_rollup();
    drop index opportunity_rollups_search_idx;
    alter table opportunity_rollups drop column search_vector;
  `.execute(db);
  await rollupFunctions(false).execute(db);
}

/** 0024's refresh of one rollup and recount after a bulk load, with the opportunity's search vector. */
function functions() {
  return sql`
    create or replace function refresh_opportunity_rollup(opportunity uuid) returns void language plpgsql as $$
    declare
      since timestamptz;
      published boolean;
      vector tsvector;
      r record;
    begin
      select o.status = 'published' and c.status = 'active', o.search_vector into published, vector
      from opportunities o join centers c on c.id = o.center_id where o.id = opportunity;
      if not found then return; end if;
      select x.rollup_at into since from opportunity_rollups x where x.opportunity_id = opportunity;
      if since is null or since > now() or exists (select 1 from shifts s where s.opportunity_id = opportunity
          and s.status = 'scheduled' and s.starts_at > since and s.starts_at <= now()) then
        since := now();
      end if;
      select min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n
      into r
      from shifts s
      where s.opportunity_id = opportunity and s.status = 'scheduled' and s.starts_at > since and published;
      insert into opportunity_rollups as x
        (opportunity_id, next_shift_at, last_shift_at, upcoming_shifts, rollup_at, search_vector)
      values (opportunity, r.next_at, r.last_at, r.n, since, vector)
      on conflict (opportunity_id) do update
      set next_shift_at = excluded.next_shift_at, last_shift_at = excluded.last_shift_at,
        upcoming_shifts = excluded.upcoming_shifts, rollup_at = excluded.rollup_at,
        search_vector = excluded.search_vector
      where (x.next_shift_at, x.last_shift_at, x.upcoming_shifts, x.rollup_at, x.search_vector)
        is distinct from (excluded.next_shift_at, excluded.last_shift_at, excluded.upcoming_shifts,
          excluded.rollup_at, excluded.search_vector);
    end $$;

    create or replace function recompute_search_rollups() returns void language plpgsql as $$
    declare
      previous text := current_setting('dobroset.bulk_load', true);
    begin
      perform set_config('dobroset.bulk_load', 'on', true);
      update shifts s set taken = t.n
      from (
        select x.id, coalesce(h.n, 0) as n from shifts x
        left join (
          select shift_id, count(*)::int as n from (
            select shift_id from signups where status in ('confirmed', 'offered', 'attended')
            union all
            select shift_id from shift_walk_ins where removed_at is null) held
          group by shift_id) h on h.shift_id = x.id) t
      where t.id = s.id and s.taken <> t.n;
      delete from opportunity_rollups;
      insert into opportunity_rollups
        (opportunity_id, next_shift_at, last_shift_at, upcoming_shifts, rollup_at, search_vector)
      select o.id, r.next_at, r.last_at, coalesce(r.n, 0), now(), o.search_vector
      from opportunities o
      left join (
        select s.opportunity_id, min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n
        from shifts s where s.status = 'scheduled' and s.starts_at > now()
        group by s.opportunity_id) r on r.opportunity_id = o.id and o.status = 'published'
          and exists (select 1 from centers c where c.id = o.center_id and c.status = 'active');
      perform set_config('dobroset.bulk_load', coalesce(previous, ''), true);
    end $$;
  `;
}
