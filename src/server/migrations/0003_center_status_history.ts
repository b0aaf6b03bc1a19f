import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Every change of a centre's status: who, when, from what to what, and why. Never updated or deleted.
    create table center_status_events (
      id uuid primary key default gen_random_uuid(),
      center_id uuid not null references centers(id),
      from_status text check (from_status in ('active', 'suspended', 'closed')),
      to_status text not null check (to_status in ('active', 'suspended', 'closed')),
      comment text,
      actor_id uuid references users(id) on delete set null,
      at timestamptz not null
    );
    create index center_status_events_center_idx on center_status_events (center_id, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table center_status_events`.execute(db);
}
