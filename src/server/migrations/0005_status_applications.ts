import { type Kysely, sql } from 'kysely';

/**
 * «Добро.Центр» status applications: configurable stages and document checklist, the full application
 * record, its transitions, versioned documents, and in-app notifications. The default stages and document
 * kinds are loaded by the seed (src/server/modules/applications/applications.seed.ts), not here, so a
 * restore into a freshly migrated schema finds these tables empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table application_stages (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      position integer not null,
      typical_days integer not null check (typical_days >= 0),
      is_system boolean not null default false,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table application_document_kinds (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      description text,
      required boolean not null default true,
      needed_by_stage text not null,
      position integer not null default 0,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );

    alter table center_applications
      add column proposed_name text,
      add column premises_address text,
      add column premises_description text,
      add column premises_lat double precision,
      add column premises_lon double precision,
      add column services text[] not null default '{}',
      add column head_name text,
      add column head_position text,
      add column head_phone text,
      add column head_email text,
      add column coordinators jsonb not null default '[]'::jsonb,
      add column expected_opening_on date,
      add column stage_owner_id uuid references users(id) on delete set null,
      add column submitted_at timestamptz,
      add column decided_at timestamptz,
      add column center_id uuid references centers(id) on delete set null,
      add column created_by uuid references users(id) on delete set null,
      add column updated_at timestamptz not null default now(),
      add column returned_from_stage text;
    create index center_applications_organization_idx on center_applications (organization_id);
    create index center_applications_stage_idx on center_applications (stage, stage_since);

    -- Every transition: from what to what, who, when, why. Never updated.
    create table application_events (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      application_id uuid not null references center_applications(id) on delete cascade,
      from_stage text,
      to_stage text not null,
      actor_id uuid references users(id) on delete set null,
      at timestamptz not null,
      comment text
    );
    create index application_events_application_idx on application_events (application_id, at, seq);

    -- One row per application and checklist kind: the review state of its latest version.
    create table application_documents (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references center_applications(id) on delete cascade,
      kind_code text not null references application_document_kinds(code),
      status text not null check (status in ('pending', 'accepted', 'returned')),
      review_comment text,
      reviewer_id uuid references users(id) on delete set null,
      reviewed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (application_id, kind_code)
    );

    -- Every uploaded file, never deleted: a returned document gets a new version, the old one stays.
    create table application_document_versions (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references application_documents(id) on delete cascade,
      version integer not null check (version >= 1),
      file_name text not null,
      content_type text not null,
      size_bytes bigint not null,
      sha256 text not null,
      storage_key text not null,
      uploaded_by uuid references users(id) on delete set null,
      uploaded_at timestamptz not null,
      unique (document_id, version)
    );

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      params jsonb not null default '{}'::jsonb,
      link text,
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, read_at, seq desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table notifications, application_document_versions, application_documents, application_events;
    drop index center_applications_organization_idx;
    drop index center_applications_stage_idx;
    alter table center_applications
      drop column proposed_name, drop column premises_address, drop column premises_description,
      drop column premises_lat, drop column premises_lon, drop column services, drop column head_name,
      drop column head_position, drop column head_phone, drop column head_email, drop column coordinators,
      drop column expected_opening_on, drop column stage_owner_id, drop column submitted_at,
      drop column decided_at, drop column center_id, drop column created_by, drop column updated_at,
      drop column returned_from_stage;
    drop table application_document_kinds, application_stages;
  `.execute(db);
}
