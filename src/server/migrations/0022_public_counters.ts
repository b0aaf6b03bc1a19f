import { type Kysely, sql } from 'kysely';

/**
 * Region scale (issue 11): the public figures that were counted over every account on each request of the
 * home page are kept as counters, moved by triggers in the same transaction as the change.
 * - `public_counters.active_volunteers`: accounts with the `volunteer` role whose status is `active`.
 * A bulk load with `dobroset.bulk_load = 'on'` skips the triggers (a restore brings the counters of the same
 * snapshot; the benchmark data ends with `recompute_rollups()`, which now also recounts these).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table public_counters (
      name text primary key check (name in ('active_volunteers')),
      value bigint not null check (value >= 0)
    );

    create function move_public_counter(counter text, delta integer) returns void language sql as $$
      insert into public_counters (name, value) values (counter, greatest(delta, 0))
      on conflict (name) do update set value = public_counters.value + delta
    $$;

    -- a volunteer role given or taken away from an active account
    create function role_assignments_count_volunteers() returns trigger language plpgsql as $$
    declare
      was boolean := tg_op <> 'INSERT' and old.role = 'volunteer'
        and exists (select 1 from users u where u.id = old.user_id and u.status = 'active');
      is_now boolean := tg_op <> 'DELETE' and new.role = 'volunteer'
        and exists (select 1 from users u where u.id = new.user_id and u.status = 'active');
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      if was <> is_now then perform move_public_counter('active_volunteers', case when is_now then 1 else -1 end); end if;
      return null;
    end $$;
    create trigger role_assignments_count_volunteers after insert or delete or update of role, user_id
      on role_assignments for each row execute function role_assignments_count_volunteers();

    -- an account blocked, unblocked or deleted (before the delete: its role rows still exist then, and
    -- their cascaded delete no longer finds the account, so it does not count it twice)
    create function users_count_volunteers() returns trigger language plpgsql as $$
    declare
      volunteer boolean;
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return coalesce(new, old); end if;
      select exists (select 1 from role_assignments r where r.user_id = old.id and r.role = 'volunteer') into volunteer;
      if volunteer then
        if tg_op = 'DELETE' and old.status = 'active' then
          perform move_public_counter('active_volunteers', -1);
        elsif tg_op = 'UPDATE' and old.status <> new.status and 'active' in (old.status, new.status) then
          perform move_public_counter('active_volunteers', case when new.status = 'active' then 1 else -1 end);
        end if;
      end if;
      return coalesce(new, old);
    end $$;
    create trigger users_count_volunteers before delete or update of status on users
      for each row execute function users_count_volunteers();

    create or replace function recompute_public_counters() returns void language sql as $$
      insert into public_counters (name, value)
      select 'active_volunteers', count(*) from role_assignments r join users u on u.id = r.user_id
      where r.role = 'volunteer' and u.status = 'active'
      on conflict (name) do update set value = excluded.value
    $$;
    select recompute_public_counters();

    -- one function recomputes every derived figure after a bulk load
    alter function recompute_rollups() rename to recompute_search_rollups;
    create function recompute_rollups() returns void language plpgsql as $$
    begin
      perform recompute_search_rollups();
      perform recompute_public_counters();
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function recompute_rollups();
    alter function recompute_search_rollups() rename to recompute_rollups;
    drop function recompute_public_counters();
    drop trigger users_count_volunteers on users;
    drop function users_count_volunteers();
    drop trigger role_assignments_count_volunteers on role_assignments;
    drop function role_assignments_count_volunteers();
    drop function move_public_counter(text, integer);
    drop table public_counters;
  `.execute(db);
}
