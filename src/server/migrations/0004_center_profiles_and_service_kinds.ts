import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The services a «Добро.Центр» offers: a vocabulary the operator can extend, rename or retire
    -- (the defaults are loaded by the seed, so a restore into a fresh schema finds the table empty).
    create table center_service_kinds (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      position integer not null default 0,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );

    -- A centre's public profile: what it offers and how to reach it.
    alter table centers
      add column services text[] not null default '{}',
      add column opening_hours text,
      add column phone text,
      add column email text,
      add column website text,
      add column description text;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table centers drop column services, drop column opening_hours, drop column phone,
      drop column email, drop column website, drop column description;
    drop table center_service_kinds;
  `.execute(db);
}
