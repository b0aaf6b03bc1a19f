import { type Kysely, sql } from 'kysely';

/**
 * Opportunity details (category, place, contact, partner), Russian full-text search, recurring shift
 * series (expanded into `shifts` rows, one per occurrence date), shift templates and private calendar
 * feeds. See docs/opportunities.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table opportunity_categories (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      sort_order integer not null default 0
    );

    alter table opportunities
      add column category text references opportunity_categories(code),
      add column project_tags text[] not null default '{}',
      add column municipality_id uuid references municipalities(id),
      add column address text,
      add column lat double precision check (lat between -90 and 90),
      add column lon double precision check (lon between -180 and 180),
      add column is_online boolean not null default false,
      add column contact text,
      add column partner_organization_id uuid references organizations(id),
      add column partner_approved_by uuid references users(id),
      add column partner_approved_at timestamptz,
      add constraint opportunities_point_check check ((lat is null) = (lon is null)),
      add column search_vector tsvector generated always as (
        setweight(to_tsvector('russian', translate(title, 'Ёё', 'Ее')), 'A') ||
        setweight(to_tsvector('russian', translate(description, 'Ёё', 'Ее')), 'B')
      ) stored;
    update opportunities o set municipality_id = c.municipality_id from centers c where c.id = o.center_id;
    create index opportunities_search_idx on opportunities using gin (search_vector);
    create index opportunities_center_idx on opportunities (center_id, status);
    create index opportunities_status_idx on opportunities (status, municipality_id);

    create table shift_series (
      id uuid primary key default gen_random_uuid(),
      opportunity_id uuid not null references opportunities(id) on delete cascade,
      frequency text not null check (frequency in ('weekly', 'monthly')),
      repeat_every smallint not null default 1 check (repeat_every between 1 and 12),
      weekdays smallint[] not null default '{}',
      month_day smallint check (month_day between 1 and 31),
      starts_on date not null,
      until date not null,
      start_time time not null,
      duration_minutes integer not null check (duration_minutes between 15 and 1440),
      capacity integer not null check (capacity between 1 and 10000),
      roles jsonb not null default '[]'::jsonb,
      time_zone text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (until >= starts_on),
      check (frequency <> 'monthly' or month_day is not null),
      check (frequency <> 'weekly' or cardinality(weekdays) > 0)
    );
    create index shift_series_opportunity_idx on shift_series (opportunity_id);

    alter table shifts
      add column series_id uuid references shift_series(id) on delete set null,
      add column occurrence_date date,
      add constraint shifts_series_occurrence_key unique (series_id, occurrence_date);

    create table shift_templates (
      id uuid primary key default gen_random_uuid(),
      center_id uuid not null references centers(id) on delete cascade,
      name text not null,
      slots jsonb not null,
      created_at timestamptz not null default now(),
      unique (center_id, name)
    );

    create table calendar_feeds (
      user_id uuid primary key references users(id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table calendar_feeds;
    drop table shift_templates;
    alter table shifts drop constraint shifts_series_occurrence_key, drop column occurrence_date,
      drop column series_id;
    drop table shift_series;
    drop index opportunities_status_idx;
    drop index opportunities_center_idx;
    drop index opportunities_search_idx;
    alter table opportunities drop constraint opportunities_point_check, drop column search_vector,
      drop column category, drop column project_tags, drop column municipality_id, drop column address,
      drop column lat, drop column lon, drop column is_online, drop column contact,
      drop column partner_organization_id, drop column partner_approved_by, drop column partner_approved_at;
    drop table opportunity_categories;
  `.execute(db);
}
