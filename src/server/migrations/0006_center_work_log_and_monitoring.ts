import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- What a centre did: one row per recorded service. Corrected in place with the earlier state kept in
    -- work_log_revisions; removed softly (deleted_* with a reason), never deleted.
    create table work_log_entries (
      id uuid primary key default gen_random_uuid(),
      center_id uuid not null references centers(id),
      kind text not null
        check (kind in ('consultation', 'training', 'coworking', 'help_desk', 'event', 'publication')),
      audience text check (audience in ('volunteers', 'activists', 'ngos')),
      occurred_on date not null,
      title text not null,
      quantity integer not null default 1 check (quantity between 1 and 100000),
      people_reached integer check (people_reached between 0 and 1000000),
      link text,
      note text,
      author_id uuid references users(id) on delete set null,
      created_at timestamptz not null,
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz,
      deleted_by uuid references users(id) on delete set null,
      deleted_at timestamptz,
      deleted_reason text,
      version integer not null default 1,
      is_demo boolean not null default false,
      check ((kind = 'consultation') = (audience is not null)),
      check ((deleted_at is null) = (deleted_reason is null))
    );
    create index work_log_entries_center_idx on work_log_entries (center_id, occurred_on);

    -- The state of an entry before each correction or removal. Written once, never updated.
    create table work_log_revisions (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references work_log_entries(id) on delete cascade,
      version integer not null,
      action text not null check (action in ('corrected', 'removed')),
      snapshot jsonb not null,
      actor_id uuid references users(id) on delete set null,
      at timestamptz not null,
      reason text,
      unique (entry_id, version)
    );

    -- The national indicators as data (the defaults are loaded on first use, not here, so a restore into a
    -- fresh schema finds the table empty). method: 'entered' by the operator, or the work-log formula.
    create table monitoring_indicators (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      max_score numeric(6, 2) not null check (max_score > 0),
      weight numeric(6, 3) not null default 1 check (weight > 0),
      method text not null default 'entered'
        check (method in ('entered', 'infrastructure', 'services', 'information')),
      position integer not null default 0,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );

    -- A half-year monitoring round of a region; closed = final.
    create table monitoring_rounds (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      year integer not null check (year between 2000 and 2100),
      half smallint not null check (half in (1, 2)),
      period_start date not null,
      period_end date not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      green_from numeric(5, 2) not null default 80,
      yellow_from numeric(5, 2) not null default 50,
      opened_by uuid references users(id) on delete set null,
      opened_at timestamptz not null,
      closed_by uuid references users(id) on delete set null,
      closed_at timestamptz,
      is_demo boolean not null default false,
      unique (region_id, year, half),
      check (yellow_from >= 0 and yellow_from <= green_from and green_from <= 100),
      check ((status = 'closed') = (closed_at is not null))
    );

    -- The indicators (and their maxima and weights) as they were when the round was opened.
    create table monitoring_round_indicators (
      round_id uuid not null references monitoring_rounds(id) on delete cascade,
      code text not null,
      name_ru text not null,
      name_en text not null,
      max_score numeric(6, 2) not null,
      weight numeric(6, 3) not null,
      method text not null,
      position integer not null,
      primary key (round_id, code)
    );

    -- The centres a round rates (the active centres when it was opened).
    create table monitoring_round_centers (
      round_id uuid not null references monitoring_rounds(id) on delete cascade,
      center_id uuid not null references centers(id),
      primary key (round_id, center_id)
    );

    -- Entered scores (with comment and who/when); at closing, the computed scores are frozen here too.
    create table monitoring_scores (
      round_id uuid not null,
      center_id uuid not null,
      indicator_code text not null,
      computed numeric(7, 2),
      computed_basis integer,
      entered numeric(7, 2) check (entered >= 0),
      comment text,
      entered_by uuid references users(id) on delete set null,
      entered_at timestamptz,
      primary key (round_id, center_id, indicator_code),
      foreign key (round_id, center_id)
        references monitoring_round_centers(round_id, center_id) on delete cascade,
      foreign key (round_id, indicator_code)
        references monitoring_round_indicators(round_id, code) on delete cascade
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table monitoring_scores, monitoring_round_centers, monitoring_round_indicators, monitoring_rounds,
      monitoring_indicators, work_log_revisions, work_log_entries;
  `.execute(db);
}
