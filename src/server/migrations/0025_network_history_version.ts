import { type Kysely, sql } from 'kysely';

/**
 * Region scale (issue 11, ADR 0020): the network's history (centres, their status events, applications and
 * their stages, municipalities and their lineage, organizations, the plan) changes a few times a day, yet
 * the home page, the municipality list and the operator's dashboard recomputed figures from all of it on
 * every request. `public_counters.network_history` is a version of that history: every transaction that
 * changes one of those tables moves it by one, in the same transaction, so each app instance can keep
 * answers computed from the history under the version it read and trust them until it changes.
 *
 * The version moves from a deferred constraint trigger: it runs at commit, after every other row lock of
 * the transaction was taken, so two transactions never wait for each other's counter row while holding
 * something the other needs (no deadlock), and a transaction moves it once however many rows it changed
 * (a transaction-local flag). TRUNCATE moves it directly. A bulk load (`dobroset.bulk_load = 'on'`) skips
 * it, as it skips the other counters (a restore goes into an empty database no instance has read).
 */
export const NETWORK_HISTORY_TABLES = [
  'regions',
  'municipalities',
  'municipality_changes',
  'municipality_lineage',
  'organizations',
  'centers',
  'center_status_events',
  'center_applications',
  'application_events',
  'application_stages',
  'rollout_targets',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table public_counters drop constraint public_counters_name_check;
    alter table public_counters add constraint public_counters_name_check
      check (name in ('active_volunteers', 'network_history'));
    insert into public_counters (name, value) values ('network_history', 1);

    create function move_network_history() returns trigger language plpgsql as $$
    begin
      if current_setting('dobroset.bulk_load', true) = 'on' then return null; end if;
      if tg_op <> 'TRUNCATE' then
        if current_setting('dobroset.network_history_moved', true) = 'on' then return null; end if;
        perform set_config('dobroset.network_history_moved', 'on', true);
      end if;
      update public_counters set value = value + 1 where name = 'network_history';
      return null;
    end $$;
  `.execute(db);
  for (const table of NETWORK_HISTORY_TABLES) {
    await sql`
      create constraint trigger ${sql.raw(`${table}_network_history`)}
        after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred for each row execute function move_network_history();
      create trigger ${sql.raw(`${table}_network_history_truncate`)} after truncate on ${sql.table(table)}
        for each statement execute function move_network_history();
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of NETWORK_HISTORY_TABLES) {
    await sql`
      drop trigger ${sql.raw(`${table}_network_history`)} on ${sql.table(table)};
      drop trigger ${sql.raw(`${table}_network_history_truncate`)} on ${sql.table(table)};
    `.execute(db);
  }
  await sql`
    drop function move_network_history();
    delete from public_counters where name = 'network_history';
    alter table public_counters drop constraint public_counters_name_check;
    alter table public_counters add constraint public_counters_name_check check (name in ('active_volunteers'));
  `.execute(db);
}
