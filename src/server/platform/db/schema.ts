/** Row types of the database, as Kysely sees them. Keep in step with src/server/migrations. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { IdempotencyTables } from '../http/idempotency.store.js';
import type { VersionColumns } from './versions.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as 'YYYY-MM-DD' strings on both drivers (normalised in database.ts). */
type DateString = ColumnType<string, string, string>;

export type RegionsTable = {
  id: Generated<string>;
  slug: string;
  name_ru: string;
  name_en: string;
  timezone: string;
  population: number | null;
  program_since: number | null;
  created_at: DefaultTimestamp;
};

export type MunicipalityKind = 'urban_okrug' | 'municipal_okrug' | 'municipal_district';
export type MunicipalitiesTable = {
  id: Generated<string>;
  region_id: string;
  slug: string;
  name_ru: string;
  name_en: string;
  kind: MunicipalityKind;
  admin_center_ru: string;
  lat: number;
  lon: number;
  population: number | null;
  population_year: number | null;
  oktmo: string | null;
  note: string | null;
  effective_from: ColumnType<string, string | undefined, string>;
  effective_to: DateString | null;
  predecessor_id: string | null;
  /** GeoJSON Polygon/MultiPolygon geometry (lon/lat); written as JSON text. */
  shape: ColumnType<MunicipalityShape | null, string | null | undefined, string | null>;
  shape_source: 'schematic' | 'loaded' | null;
  shape_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: DefaultTimestamp;
};
export type MunicipalityShape =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export type OrganizationKind =
  | 'education'
  | 'culture'
  | 'youth_policy'
  | 'ngo'
  | 'business'
  | 'government'
  | 'other';
export type OrganizationsTable = {
  id: Generated<string>;
  region_id: string;
  municipality_id: string;
  name: string;
  kind: OrganizationKind;
  is_placeholder: Generated<boolean>;
  is_demo: Generated<boolean>;
  subkind: string | null;
  inn: string | null;
  ogrn: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type MunicipalityChangeKind = 'conversion' | 'merger' | 'split' | 'rename' | 'abolition';
export type MunicipalityChangesTable = {
  id: Generated<string>;
  region_id: string;
  kind: MunicipalityChangeKind;
  effective_on: DateString;
  legal_basis: string | null;
  comment: string | null;
  actor_id: string | null;
  created_at: DefaultTimestamp;
};

export type MunicipalityLineageTable = {
  change_id: string;
  predecessor_id: string;
  successor_id: string;
};

export type CenterStatus = 'active' | 'suspended' | 'closed';
export type CentersTable = {
  id: Generated<string>;
  organization_id: string;
  municipality_id: string;
  name: string;
  status: CenterStatus;
  address: string | null;
  lat: number | null;
  lon: number | null;
  opened_on: DateString | null;
  services: Generated<string[]>;
  opening_hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  description: string | null;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type CenterServiceKindsTable = {
  code: string;
  name_ru: string;
  name_en: string;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type CenterStatusEventsTable = {
  id: Generated<string>;
  center_id: string;
  from_status: CenterStatus | null;
  to_status: CenterStatus;
  comment: string | null;
  actor_id: string | null;
  at: Timestamp;
};

export type CenterApplicationsTable = {
  id: Generated<string>;
  organization_id: string;
  municipality_id: string;
  stage: string;
  stage_since: DateString | null;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type RolloutTargetsTable = {
  id: Generated<string>;
  region_id: string;
  kind: 'active_centers' | 'municipal_coverage';
  due_date: DateString;
  target: number;
  note: string | null;
  created_at: DefaultTimestamp;
};

export type UsersTable = {
  id: Generated<string>;
  email: string;
  password_hash: string | null;
  display_name: string;
  locale: Generated<'ru' | 'en'>;
  email_verified_at: Timestamp | null;
  must_change_password: Generated<boolean>;
  status: Generated<'active' | 'blocked'>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type ConsentsTable = {
  id: Generated<string>;
  user_id: string;
  purpose: string;
  version: string;
  given_at: Timestamp;
  withdrawn_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
};

/** Counters shared by all instances (migration 0016): platform/http/rate-limits.ts. */
export type RateLimitsTable = { key: string; hits: number; reset_at: Timestamp; last_at: Timestamp };

/** Server-side secrets created on first use (migration 0016), e.g. the device-cookie signing key. */
export type SecurityKeysTable = { name: string; secret: string; created_at: DefaultTimestamp };

export type RoleAssignmentsTable = {
  id: Generated<string>;
  user_id: string;
  role:
    | 'regional_admin'
    | 'center_coordinator'
    | 'org_representative'
    | 'volunteer'
    | 'requester'
    | 'squad_leader';
  scope_type: 'region' | 'center' | 'organization' | 'self' | 'squad';
  scope_id: string | null;
  granted_at: DefaultTimestamp;
  granted_by: string | null;
};

export type VolunteerProfilesTable = {
  user_id: string;
  birth_date: DateString | null;
  profession: string | null;
  municipality_id: string | null;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type SessionsTable = {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
  ip: string | null;
  ended_at: Timestamp | null;
};

export type OneTimeTokensTable = {
  token_hash: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password';
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type OutboxEmailsTable = {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  template: string;
  status: Generated<'pending' | 'sent' | 'logged' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
};

export type OpportunitiesTable = {
  id: Generated<string>;
  center_id: string;
  title: string;
  description: Generated<string>;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  status: Generated<'draft' | 'published' | 'cancelled' | 'completed'>;
  signup_mode: Generated<'auto' | 'approval'>;
  min_age: number | null;
  required_skills: Generated<string[]>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type ShiftsTable = {
  id: Generated<string>;
  opportunity_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  status: Generated<'scheduled' | 'cancelled'>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type ShiftRolesTable = {
  id: Generated<string>;
  shift_id: string;
  name: string;
  capacity: number;
};

/** Public figures kept by triggers in the same transaction as the change (migration 0022); read-only here. */
export type PublicCountersTable = {
  name: 'active_volunteers';
  value: ColumnType<number, never, never>;
};

export type AuditEventsTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  request_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
};

/**
 * The tables the modules own. Each module adds its own in its `<name>.tables.ts`, by declaration merging:
 * `declare module '../../platform/db/schema.js' { interface ModuleTables extends SignupsTables {} }`. So the
 * database type has every table while the platform imports no module (the way Fastify's request type is
 * extended, e.g. `request.actor` in auth/session-plugin.ts).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules (declaration merging, see above)
export interface ModuleTables {}

export type Database = CoreTables & ModuleTables & IdempotencyTables & VersionColumns;

type CoreTables = {
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  organizations: OrganizationsTable;
  municipality_changes: MunicipalityChangesTable;
  municipality_lineage: MunicipalityLineageTable;
  centers: CentersTable;
  center_status_events: CenterStatusEventsTable;
  center_service_kinds: CenterServiceKindsTable;
  center_applications: CenterApplicationsTable;
  rollout_targets: RolloutTargetsTable;
  users: UsersTable;
  consents: ConsentsTable;
  role_assignments: RoleAssignmentsTable;
  volunteer_profiles: VolunteerProfilesTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  outbox_emails: OutboxEmailsTable;
  opportunities: OpportunitiesTable;
  shifts: ShiftsTable;
  shift_roles: ShiftRolesTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
  security_keys: SecurityKeysTable;
  public_counters: PublicCountersTable;
};

export type UserRow = Selectable<UsersTable & VersionColumns['users']>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type MunicipalityRow = Selectable<MunicipalitiesTable>;
export type CenterRow = Selectable<CentersTable>;
