import { type Kysely, sql } from 'kysely';

/**
 * Retries and concurrent edits (issue 9, ADR 0017):
 * - `idempotency_keys`: the first answer to a POST sent with an `Idempotency-Key`, per caller, so a retry
 *   (on any instance) gets that answer instead of doing the work twice. A row is claimed by one atomic
 *   insert (`in_progress`, with a short lease), completed with the answer (`done`) and kept 24 hours.
 * - `version` on every record the API edits with PATCH/PUT (work-log entries have one since 0006): 1 for a
 *   new record, +1 for every accepted edit. It is the record's strong ETag; `If-Match` is compared with it
 *   in the edit's transaction.
 */
/** Tables that get a `version` (a migration keeps its own list: later code may version more tables). */
const TABLES = [
  'centers',
  'organizations',
  'opportunities',
  'shifts',
  'shift_series',
  'center_applications',
  'application_stages',
  'application_document_kinds',
  'center_service_kinds',
  'rollout_targets',
  'monitoring_rounds',
  'volunteer_profiles',
  'squads',
  'users',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idempotency_keys (
      owner text not null,
      key text not null check (length(key) between 1 and 255),
      fingerprint text not null,
      claim uuid not null,
      state text not null check (state in ('in_progress', 'done')),
      response_status integer,
      response_headers jsonb,
      response_body text,
      created_at timestamptz not null,
      locked_until timestamptz not null,
      expires_at timestamptz not null,
      primary key (owner, key),
      check (state = 'in_progress' or response_status is not null)
    );
    create index idempotency_keys_expires_idx on idempotency_keys (expires_at);
  `.execute(db);
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} add column version integer not null default 1 check (version >= 1)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) {
    await sql`alter table ${sql.table(table)} drop column version`.execute(db);
  }
  await sql`drop table idempotency_keys`.execute(db);
}
