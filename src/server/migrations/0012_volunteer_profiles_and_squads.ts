import { type Kysely, sql } from 'kysely';

/**
 * Volunteer profiles (skills from a vocabulary plus free tags, languages, home point, availability,
 * interests, visibility to other centres), consent documents per purpose (152-FZ: separate, versioned),
 * a guardian's consent for minors, and squads with members and a squad-scoped `squad_leader` role.
 * Reference rows (skills, interest categories, consent texts) are seeded, not inserted here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skills (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      position integer not null default 0,
      active boolean not null default true
    );

    create table interest_categories (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ru text not null,
      name_en text not null,
      position integer not null default 0,
      active boolean not null default true
    );

    alter table volunteer_profiles
      add column full_name text,
      add column skills text[] not null default '{}',
      add column skill_tags text[] not null default '{}',
      add column languages text[] not null default '{}',
      add column home_lat double precision check (home_lat between -90 and 90),
      add column home_lon double precision check (home_lon between -180 and 180),
      add column availability jsonb not null default '[]',
      add column interests text[] not null default '{}',
      add column about text,
      add column home_center_id uuid references centers(id) on delete set null,
      add column visible_fields text[] not null default '{age_group,skills}',
      add column updated_at timestamptz not null default now(),
      add constraint volunteer_profiles_home_point_check check ((home_lat is null) = (home_lon is null));
    create index volunteer_profiles_skills_idx on volunteer_profiles using gin (skills);
    create index volunteer_profiles_home_center_idx on volunteer_profiles (home_center_id);

    create table consent_documents (
      purpose text not null check (purpose in ('volunteering', 'newsletters', 'publication', 'partner_transfer', 'guardian_consent')),
      version text not null,
      title_ru text not null,
      title_en text not null,
      text_ru text not null,
      text_en text not null,
      required boolean not null default false,
      published_at timestamptz not null,
      primary key (purpose, version)
    );

    create index consents_user_purpose_live_idx on consents (user_id, purpose) where withdrawn_at is null;

    create table guardian_consents (
      consent_id uuid primary key references consents(id) on delete cascade,
      guardian_name text not null,
      guardian_contact text not null,
      relation text not null check (relation in ('parent', 'adoptive_parent', 'guardian', 'trustee'))
    );

    create table squads (
      id uuid primary key default gen_random_uuid(),
      center_id uuid not null references centers(id) on delete cascade,
      name text not null,
      focus text,
      tags text[] not null default '{}',
      invite_code text not null unique,
      is_demo boolean not null default false,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (center_id, name)
    );

    create table squad_members (
      squad_id uuid not null references squads(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      status text not null check (status in ('requested', 'active', 'removed')),
      joined_via text not null check (joined_via in ('request', 'code', 'leader')),
      requested_at timestamptz not null,
      decided_at timestamptz,
      decided_by uuid references users(id) on delete set null,
      primary key (squad_id, user_id)
    );
    create index squad_members_user_idx on squad_members (user_id) where status = 'active';

    alter table role_assignments drop constraint role_assignments_role_check;
    alter table role_assignments drop constraint role_assignments_scope_type_check;
    alter table role_assignments
      add constraint role_assignments_role_check check (role in ('regional_admin', 'center_coordinator', 'org_representative', 'volunteer', 'requester', 'squad_leader')),
      add constraint role_assignments_scope_type_check check (scope_type in ('region', 'center', 'organization', 'self', 'squad'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from role_assignments where role = 'squad_leader' or scope_type = 'squad';
    alter table role_assignments drop constraint role_assignments_role_check;
    alter table role_assignments drop constraint role_assignments_scope_type_check;
    alter table role_assignments
      add constraint role_assignments_role_check check (role in ('regional_admin', 'center_coordinator', 'org_representative', 'volunteer', 'requester')),
      add constraint role_assignments_scope_type_check check (scope_type in ('region', 'center', 'organization', 'self'));
    drop table squad_members;
    drop table squads;
    drop table guardian_consents;
    drop index consents_user_purpose_live_idx;
    drop table consent_documents;
    alter table volunteer_profiles
      drop constraint volunteer_profiles_home_point_check,
      drop column full_name, drop column skills, drop column skill_tags, drop column languages,
      drop column home_lat, drop column home_lon, drop column availability, drop column interests,
      drop column about, drop column home_center_id, drop column visible_fields, drop column updated_at;
    drop table interest_categories;
    drop table skills;
  `.execute(db);
}
