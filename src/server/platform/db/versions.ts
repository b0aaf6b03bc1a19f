/**
 * Record versions (migration 0017, ADR 0017): every record the API edits with PATCH/PUT carries a
 * `version`, 1 when created and +1 for every accepted edit; it is the record's strong ETag. An edit moves
 * the version first, in the edit's own transaction — one `update … returning` that also takes the row
 * lock — and compares the version it had with `If-Match`; a mismatch throws and rolls the edit back.
 * Two edits made from the same version therefore cannot both succeed, on PGlite or PostgreSQL.
 */
import { type Generated, type Kysely, sql } from 'kysely';
import { notFound } from '../errors.js';
import { type IfMatch, requireMatch } from '../http/etag.js';

type Version = { version: Generated<number> };

/** The `version` column each versioned table gains (merged into `Database` in schema.ts). */
export type VersionColumns = {
  centers: Version;
  organizations: Version;
  opportunities: Version;
  shifts: Version;
  shift_series: Version;
  center_applications: Version;
  application_stages: Version;
  application_document_kinds: Version;
  center_service_kinds: Version;
  rollout_targets: Version;
  monitoring_rounds: Version;
  volunteer_profiles: Version;
  squads: Version;
  users: Version;
};
export type VersionedTable = keyof VersionColumns;

/** The row's key: `id` unless the table is keyed otherwise (`code`, `user_id`). */
export type RowKey = { column?: 'id' | 'code' | 'user_id'; value: string };

/**
 * Moves the row to its next version and locks it until the transaction ends. Returns the version the row
 * had before, or undefined when there is no such row.
 */
export async function bumpVersion(
  // biome-ignore lint/suspicious/noExplicitAny: any database with these tables (the app's, a transaction)
  trx: Kysely<any>,
  table: VersionedTable,
  key: RowKey,
): Promise<number | undefined> {
  const { rows } = await sql<{ version: number }>`
    update ${sql.table(table)} set version = version + 1
    where ${sql.ref(key.column ?? 'id')} = ${key.value}
    returning version`.execute(trx);
  const row = rows[0];
  return row ? Number(row.version) - 1 : undefined;
}

/**
 * The start of an edit inside its transaction: moves the record to its next version, then checks
 * `If-Match` against the version it had (412 `edit_conflict` on a mismatch, which rolls the edit back).
 * A vanished record is a 404. Returns the record's new version.
 */
export async function beginEdit(
  // biome-ignore lint/suspicious/noExplicitAny: see bumpVersion
  trx: Kysely<any>,
  table: VersionedTable,
  key: RowKey,
  ifMatch: IfMatch | undefined,
  what = 'record',
): Promise<number> {
  if (!trx.isTransaction) throw new Error('beginEdit must run inside the edit transaction');
  const previous = await bumpVersion(trx, table, key);
  if (previous === undefined) throw notFound(what);
  requireMatch(ifMatch, previous);
  return previous + 1;
}
