import { type Kysely, sql } from 'kysely';

/**
 * Region scale (issue 11): what the public search and the opportunity pages used to count on every request
 * is kept up to date in the same transaction as the change that alters it.
 * - `shifts.taken`: places held on the shift (signups confirmed, offered or attended, and walk-ins not
 *   removed), moved by triggers on `signups` and `shift_walk_ins`. The signup transaction still locks the
 *   shift and decides under the lock (ADR 0010); the counter is what readers see.
 * - `opportunity_rollups`: for each opportunity, first and last start, number of scheduled shifts and free
 *   places over the shifts that start after `rollup_at`, refreshed by a trigger on `shifts` (so by every
 *   signup, through `taken`) and on the opportunity's status. It is exact for any instant t with
 *   rollup_at <= t < next_shift_at; a search at an instant outside that interval computes the figures from
 *   the shifts instead (docs/opportunities.md), and a minute job refreshes the rollups whose next shift has
 *   begun (`opportunities-rollups` queue). A table of its own, so that a signup locks shift → rollup (the
 *   order every other writer follows too) and never rewrites the opportunity row and its search index.
 * A bulk load with `dobroset.bulk_load = 'on'` skips the triggers: a restore brings the counters of the same
 * snapshot; the benchmark data ends with `recompute_rollups()`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table shifts add column taken integer not null default 0 check (taken >= 0);

    create function signups_move_taken() returns trigger language plpgsql as $$
    declare
      was boolean := tg_op <> 'INSERT' and old.status in ('confirmed', 'offered', 'attended');
      is_now boolean := tg_op <> 'DELETE' and new.status in ('confirmed', 'offered', 'attended');
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      if tg_op = 'UPDATE' and old.shift_id = new.shift_id and was = is_now then return null; end if;
      if was then update shifts set taken = taken - 1 where id = old.shift_id; end if;
      if is_now then update shifts set taken = taken + 1 where id = new.shift_id; end if;
      return null;
    end $$;
    create trigger signups_move_taken after insert or delete or update of status, shift_id on signups
      for each row execute function signups_move_taken();

    create function walk_ins_move_taken() returns trigger language plpgsql as $$
    declare
      was boolean := tg_op <> 'INSERT' and old.removed_at is null;
      is_now boolean := tg_op <> 'DELETE' and new.removed_at is null;
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      if tg_op = 'UPDATE' and old.shift_id = new.shift_id and was = is_now then return null; end if;
      if was then update shifts set taken = taken - 1 where id = old.shift_id; end if;
      if is_now then update shifts set taken = taken + 1 where id = new.shift_id; end if;
      return null;
    end $$;
    create trigger walk_ins_move_taken after insert or delete or update of removed_at, shift_id on shift_walk_ins
      for each row execute function walk_ins_move_taken();

    create table opportunity_rollups (
      opportunity_id uuid primary key references opportunities(id) on delete cascade,
      -- null when no scheduled shift starts after rollup_at, or the opportunity is not published or its
      -- centre not active (so that the plain catalogue can read this table alone)
      next_shift_at timestamptz,
      last_shift_at timestamptz,
      upcoming_shifts integer not null check (upcoming_shifts >= 0),
      upcoming_free integer not null check (upcoming_free >= 0),
      rollup_at timestamptz not null
    );

    -- Writes only when a figure changed, and keeps rollup_at while no shift of the opportunity has begun
    -- since (the figures over the shifts after it are then the same).
    create function refresh_opportunity_rollup(opportunity uuid) returns void language plpgsql as $$
    declare
      since timestamptz;
      published boolean;
      r record;
    begin
      select o.status = 'published' and c.status = 'active' into published
      from opportunities o join centers c on c.id = o.center_id where o.id = opportunity;
      if not found then return; end if;
      select x.rollup_at into since from opportunity_rollups x where x.opportunity_id = opportunity;
      if since is null or since > now() or exists (select 1 from shifts s where s.opportunity_id = opportunity
          and s.status = 'scheduled' and s.starts_at > since and s.starts_at <= now()) then
        since := now();
      end if;
      select min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n,
        coalesce(sum(greatest(s.capacity - s.taken, 0)), 0)::int as free
      into r
      from shifts s
      where s.opportunity_id = opportunity and s.status = 'scheduled' and s.starts_at > since and published;
      insert into opportunity_rollups as x
        (opportunity_id, next_shift_at, last_shift_at, upcoming_shifts, upcoming_free, rollup_at)
      values (opportunity, r.next_at, r.last_at, r.n, r.free, since)
      on conflict (opportunity_id) do update
      set next_shift_at = excluded.next_shift_at, last_shift_at = excluded.last_shift_at,
        upcoming_shifts = excluded.upcoming_shifts, upcoming_free = excluded.upcoming_free,
        rollup_at = excluded.rollup_at
      where (x.next_shift_at, x.last_shift_at, x.upcoming_shifts, x.upcoming_free, x.rollup_at)
        is distinct from (excluded.next_shift_at, excluded.last_shift_at, excluded.upcoming_shifts,
          excluded.upcoming_free, excluded.rollup_at);
    end $$;

    create function shifts_refresh_rollup() returns trigger language plpgsql as $$
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      if tg_op <> 'INSERT' then perform refresh_opportunity_rollup(old.opportunity_id); end if;
      if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.opportunity_id <> old.opportunity_id) then
        perform refresh_opportunity_rollup(new.opportunity_id);
      end if;
      return null;
    end $$;
    create trigger shifts_refresh_rollup
      after insert or delete or update of starts_at, capacity, status, taken, opportunity_id on shifts
      for each row execute function shifts_refresh_rollup();

    create function opportunities_refresh_rollup() returns trigger language plpgsql as $$
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      perform refresh_opportunity_rollup(new.id);
      return null;
    end $$;
    create trigger opportunities_refresh_rollup after update of status on opportunities
      for each row when (old.status is distinct from new.status)
      execute function opportunities_refresh_rollup();

    create function centers_refresh_rollups() returns trigger language plpgsql as $$
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      perform refresh_opportunity_rollup(o.id) from opportunities o where o.center_id = new.id;
      return null;
    end $$;
    create trigger centers_refresh_rollups after update of status on centers
      for each row when (old.status is distinct from new.status)
      execute function centers_refresh_rollups();

    create index opportunity_rollups_next_idx on opportunity_rollups (next_shift_at, opportunity_id)
      include (rollup_at, upcoming_shifts, upcoming_free) where next_shift_at is not null;
    -- rollups not valid at a search's instant: taken after it (a clock behind the database's)
    create index opportunity_rollups_at_idx on opportunity_rollups (rollup_at);
    create index shifts_upcoming_idx on shifts (opportunity_id, starts_at) include (capacity, taken)
      where status = 'scheduled';
    -- "near me": the box around a circle
    create index opportunities_point_idx on opportunities (lat, lon) where status = 'published' and not is_online;

    -- All of the above from scratch, for a bulk load that ran with dobroset.bulk_load = 'on' (restore,
    -- the benchmark data) and for this migration. Not for use while the platform runs.
    create function recompute_rollups() returns void language plpgsql as $$
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
        (opportunity_id, next_shift_at, last_shift_at, upcoming_shifts, upcoming_free, rollup_at)
      select o.id, r.next_at, r.last_at, coalesce(r.n, 0), coalesce(r.free, 0), now()
      from opportunities o
      left join (
        select s.opportunity_id, min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n,
          coalesce(sum(greatest(s.capacity - s.taken, 0)), 0)::int as free
        from shifts s where s.status = 'scheduled' and s.starts_at > now()
        group by s.opportunity_id) r on r.opportunity_id = o.id and o.status = 'published'
          and exists (select 1 from centers c where c.id = o.center_id and c.status = 'active');
      perform set_config('dobroset.bulk_load', coalesce(previous, ''), true);
    end $$;
    select recompute_rollups();
    analyze shifts;
    analyze opportunity_rollups;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function recompute_rollups();
    drop index opportunities_point_idx;
    drop index shifts_upcoming_idx;
    drop trigger centers_refresh_rollups on centers;
    drop function centers_refresh_rollups();
    drop trigger opportunities_refresh_rollup on opportunities;
    drop function opportunities_refresh_rollup();
    drop trigger shifts_refresh_rollup on shifts;
    drop function shifts_refresh_rollup();
    drop function refresh_opportunity_rollup(uuid);
    drop table opportunity_rollups;
    drop trigger walk_ins_move_taken on shift_walk_ins;
    drop function walk_ins_move_taken();
    drop trigger signups_move_taken on signups;
    drop function signups_move_taken();
    alter table shifts drop column taken;
  `.execute(db);
}
