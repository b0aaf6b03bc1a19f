import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regions (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name_ru text not null,
      name_en text not null,
      timezone text not null,
      population integer,
      program_since integer,
      created_at timestamptz not null default now()
    );

    create table municipalities (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      slug text not null,
      name_ru text not null,
      name_en text not null,
      kind text not null check (kind in ('urban_okrug', 'municipal_okrug', 'municipal_district')),
      admin_center_ru text not null,
      lat double precision not null check (lat between -90 and 90),
      lon double precision not null check (lon between -180 and 180),
      population integer check (population >= 0),
      population_year integer,
      oktmo text,
      note text,
      effective_from date not null default date '1900-01-01',
      effective_to date,
      predecessor_id uuid references municipalities(id),
      created_at timestamptz not null default now(),
      unique (region_id, slug),
      check (effective_to is null or effective_to > effective_from)
    );

    create table organizations (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      municipality_id uuid not null references municipalities(id),
      name text not null,
      kind text not null check (kind in ('education', 'culture', 'youth_policy', 'ngo', 'business', 'government', 'other')),
      is_placeholder boolean not null default false,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index organizations_municipality_idx on organizations (municipality_id);

    create table centers (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id),
      municipality_id uuid not null references municipalities(id),
      name text not null,
      status text not null check (status in ('active', 'suspended', 'closed')),
      address text,
      lat double precision,
      lon double precision,
      opened_on date,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index centers_municipality_idx on centers (municipality_id, status);

    -- Minimal status-application record: the full workflow arrives with the network module.
    create table center_applications (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations(id),
      municipality_id uuid not null references municipalities(id),
      stage text not null,
      stage_since date,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index center_applications_municipality_idx on center_applications (municipality_id, stage);

    create table rollout_targets (
      id uuid primary key default gen_random_uuid(),
      region_id uuid not null references regions(id),
      kind text not null check (kind in ('active_centers', 'municipal_coverage')),
      due_date date not null,
      target integer not null check (target >= 0),
      note text,
      created_at timestamptz not null default now(),
      unique (region_id, kind, due_date)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      password_hash text,
      display_name text not null,
      locale text not null default 'ru' check (locale in ('ru', 'en')),
      email_verified_at timestamptz,
      must_change_password boolean not null default false,
      status text not null default 'active' check (status in ('active', 'blocked')),
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (email);

    create table consents (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      purpose text not null,
      version text not null,
      given_at timestamptz not null,
      withdrawn_at timestamptz,
      ip text,
      user_agent text
    );
    create index consents_user_idx on consents (user_id, purpose);

    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('regional_admin', 'center_coordinator', 'org_representative', 'volunteer', 'requester')),
      scope_type text not null check (scope_type in ('region', 'center', 'organization', 'self')),
      scope_id uuid,
      granted_at timestamptz not null default now(),
      granted_by uuid references users(id) on delete set null,
      check ((scope_type = 'self') = (scope_id is null))
    );
    create unique index role_assignments_unique on role_assignments (user_id, role, scope_type, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'));

    create table volunteer_profiles (
      user_id uuid primary key references users(id) on delete cascade,
      birth_date date,
      profession text,
      municipality_id uuid references municipalities(id),
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      user_agent text,
      ip text,
      ended_at timestamptz
    );
    create index sessions_user_idx on sessions (user_id) where ended_at is null;

    create table one_time_tokens (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index one_time_tokens_user_idx on one_time_tokens (user_id, purpose);

    create table outbox_emails (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      template text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'logged', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz
    );
    create index outbox_emails_pending_idx on outbox_emails (created_at) where status = 'pending';

    create table opportunities (
      id uuid primary key default gen_random_uuid(),
      center_id uuid not null references centers(id),
      title text not null,
      description text not null default '',
      starts_at timestamptz,
      ends_at timestamptz,
      status text not null default 'published',
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_id uuid,
      action text not null,
      entity text not null,
      entity_id text,
      request_id text,
      data jsonb not null default '{}'::jsonb
    );
    create index audit_events_entity_idx on audit_events (entity, entity_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_events, opportunities, outbox_emails, one_time_tokens, sessions, volunteer_profiles,
      role_assignments, consents, users, rollout_targets, center_applications, centers, organizations,
      municipalities, regions;
  `.execute(db);
}
