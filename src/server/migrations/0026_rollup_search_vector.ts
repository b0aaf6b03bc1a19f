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
  await rollupFunctions(false, true).execute(db);
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
