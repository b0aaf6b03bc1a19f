import { type Kysely, sql } from 'kysely';

/**
 * The core both the opportunities and the signups features build on: an opportunity's rules that a
 * signup checks, and its shifts (with optional roles, each with its own capacity).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table opportunities
      add column signup_mode text not null default 'auto' check (signup_mode in ('auto', 'approval')),
      add column min_age integer check (min_age between 14 and 99),
      add column required_skills text[] not null default '{}',
      add column updated_at timestamptz not null default now();
    update opportunities set status = 'published' where status not in ('draft', 'published', 'cancelled', 'completed');
    alter table opportunities
      add constraint opportunities_status_check check (status in ('draft', 'published', 'cancelled', 'completed'));

    create table shifts (
      id uuid primary key default gen_random_uuid(),
      opportunity_id uuid not null references opportunities(id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      capacity integer not null check (capacity between 1 and 10000),
      status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    );
    create index shifts_opportunity_idx on shifts (opportunity_id, starts_at);
    create index shifts_starts_idx on shifts (starts_at);

    create table shift_roles (
      id uuid primary key default gen_random_uuid(),
      shift_id uuid not null references shifts(id) on delete cascade,
      name text not null,
      capacity integer not null check (capacity between 1 and 10000),
      unique (shift_id, name)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table shift_roles;
    drop table shifts;
    alter table opportunities drop constraint opportunities_status_check;
    alter table opportunities drop column signup_mode, drop column min_age, drop column required_skills,
      drop column updated_at;
  `.execute(db);
}
