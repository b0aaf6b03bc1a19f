import { type Kysely, sql } from 'kysely';

/**
 * Region scale (issue 11): a signup no longer touches the opportunity's rollup. Migration 0021 kept the free
 * places of all upcoming shifts in `opportunity_rollups.upcoming_free`, so every signup (through
 * `shifts.taken`) re-aggregated every upcoming shift of its opportunity and locked the opportunity's rollup
 * row until it committed: signups on different shifts of one opportunity (a daily event with 500 shifts)
 * queued behind each other. The rollup now holds the schedule only (next and last start, number of shifts),
 * which changes when a shift is added, moved, cancelled or its opportunity or centre changes state; free
 * places are read from `shifts.taken` for the page's rows, and "free places only" asks the shift index
 * (`shifts_upcoming_idx` includes capacity and taken) whether one upcoming shift has room.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger shifts_refresh_rollup on shifts;
    create trigger shifts_refresh_rollup
      after insert or delete or update of starts_at, status, opportunity_id on shifts
      for each row execute function shifts_refresh_rollup();
    drop index opportunity_rollups_next_idx;
    alter table opportunity_rollups drop column upcoming_free;
    create index opportunity_rollups_next_idx on opportunity_rollups (next_shift_at, opportunity_id)
      include (rollup_at, upcoming_shifts) where next_shift_at is not null;
  `.execute(db);
  await functions(false).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index opportunity_rollups_next_idx;
    alter table opportunity_rollups add column upcoming_free integer not null default 0
      check (upcoming_free >= 0);
    create index opportunity_rollups_next_idx on opportunity_rollups (next_shift_at, opportunity_id)
      include (rollup_at, upcoming_shifts, upcoming_free) where next_shift_at is not null;
    drop trigger shifts_refresh_rollup on shifts;
    create trigger shifts_refresh_rollup
      after insert or delete or update of starts_at, capacity, status, taken, opportunity_id on shifts
      for each row execute function shifts_refresh_rollup();
  `.execute(db);
  await functions(true).execute(db);
  await sql`select recompute_search_rollups()`.execute(db);
}

/**
 * The refresh of one rollup and the recount after a bulk load: with (0021) or without free places, and
 * with the opportunity's words (0026) or without.
 */
export function functions(withFree: boolean, withWords = false) {
  const free = (text: string) => sql.raw(withFree ? text : '');
  const words = (text: string) => sql.raw(withWords ? text : '');
  const wordsColumn = words(', search_vector');
  return sql`
    create or replace function refresh_opportunity_rollup(opportunity uuid) returns void language plpgsql as $$
    declare
      since timestamptz;
      published boolean;${words('\n      vector tsvector;')}
      r record;
    begin
      select o.status = 'published' and c.status = 'active'${words(', o.search_vector')} into published${words(', vector')}
      from opportunities o join centers c on c.id = o.center_id where o.id = opportunity;
      if not found then return; end if;
      select x.rollup_at into since from opportunity_rollups x where x.opportunity_id = opportunity;
      if since is null or since > now() or exists (select 1 from shifts s where s.opportunity_id = opportunity
          and s.status = 'scheduled' and s.starts_at > since and s.starts_at <= now()) then
        since := now();
      end if;
      select min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n
        ${free(', coalesce(sum(greatest(s.capacity - s.taken, 0)), 0)::int as free')}
      into r
      from shifts s
      where s.opportunity_id = opportunity and s.status = 'scheduled' and s.starts_at > since and published;
      insert into opportunity_rollups as x
        (opportunity_id, next_shift_at, last_shift_at, upcoming_shifts ${free(', upcoming_free')}, rollup_at${wordsColumn})
      values (opportunity, r.next_at, r.last_at, r.n ${free(', r.free')}, since${words(', vector')})
      on conflict (opportunity_id) do update
      set next_shift_at = excluded.next_shift_at, last_shift_at = excluded.last_shift_at,
        upcoming_shifts = excluded.upcoming_shifts ${free(', upcoming_free = excluded.upcoming_free')},
        rollup_at = excluded.rollup_at${words(', search_vector = excluded.search_vector')}
      where (x.next_shift_at, x.last_shift_at, x.upcoming_shifts ${free(', x.upcoming_free')}, x.rollup_at${words(', x.search_vector')})
        is distinct from (excluded.next_shift_at, excluded.last_shift_at, excluded.upcoming_shifts
          ${free(', excluded.upcoming_free')}, excluded.rollup_at${words(', excluded.search_vector')});
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
        (opportunity_id, next_shift_at, last_shift_at, upcoming_shifts ${free(', upcoming_free')}, rollup_at${wordsColumn})
      select o.id, r.next_at, r.last_at, coalesce(r.n, 0) ${free(', coalesce(r.free, 0)')}, now()${words(', o.search_vector')}
      from opportunities o
      left join (
        select s.opportunity_id, min(s.starts_at) as next_at, max(s.starts_at) as last_at, count(*)::int as n
          ${free(', coalesce(sum(greatest(s.capacity - s.taken, 0)), 0)::int as free')}
        from shifts s where s.status = 'scheduled' and s.starts_at > now()
        group by s.opportunity_id) r on r.opportunity_id = o.id and o.status = 'published'
          and exists (select 1 from centers c where c.id = o.center_id and c.status = 'active');
      perform set_config('dobroset.bulk_load', coalesce(previous, ''), true);
    end $$;
  `;
}
