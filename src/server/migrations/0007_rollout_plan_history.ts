import { type Kysely, sql } from 'kysely';

/**
 * The rollout plan becomes editable with history: every creation, change and removal of a target writes a
 * revision (old and new values, actor, time, comment). Revisions keep the target's id without a foreign
 * key, so the history of a removed target stays readable. Never updated or deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rollout_target_revisions (
      id uuid primary key default gen_random_uuid(),
      -- Insertion order, for a stable history when two revisions share a timestamp.
      seq bigint generated always as identity,
      region_id uuid not null references regions(id),
      target_id uuid not null,
      action text not null check (action in ('created', 'changed', 'removed')),
      kind text not null check (kind in ('active_centers', 'municipal_coverage')),
      old_due_date date,
      old_target integer,
      old_note text,
      new_due_date date,
      new_target integer,
      new_note text,
      comment text,
      actor_id uuid references users(id) on delete set null,
      at timestamptz not null
    );
    create index rollout_target_revisions_region_idx on rollout_target_revisions (region_id, at desc, seq desc);
    create index rollout_target_revisions_target_idx on rollout_target_revisions (target_id, at desc, seq desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rollout_target_revisions`.execute(db);
}
