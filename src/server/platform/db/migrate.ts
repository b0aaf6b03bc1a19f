/**
 * Migrations: numbered, each recorded in kysely_migration, run in a transaction. A binary that finds
 * migrations it does not know (the schema is newer than the code) refuses to start.
 */
import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { AppError } from '../errors.js';
import type { Database } from './schema.js';

const provider = { getMigrations: async () => migrations };

export const expectedMigrations = () => Object.keys(migrations).sort();

export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{
    exists: boolean;
  }>`select to_regclass('public.kysely_migration') is not null as exists`.execute(db);
  if (!exists.rows[0]?.exists) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export class SchemaTooNewError extends AppError {
  constructor(unknown: string[]) {
    super(
      'schema_too_new',
      503,
      `The database schema is newer than this version of Dobroset (unknown migrations: ${unknown.join(', ')}). ` +
        'Run the newer version, or restore a backup made by this one.',
    );
  }
}

/** Refuses a schema newer than this binary; returns the migrations applied so far. */
export async function assertSchemaNotNewer(db: Kysely<Database>): Promise<string[]> {
  const known = new Set(expectedMigrations());
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);
  return applied;
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const applied = new Set(await assertSchemaNotNewer(db));
  // Up to date (every start but the first after an upgrade): the Migrator's table introspection and lock
  // cost about as much as opening PGlite (half a second), so it is not asked.
  if (expectedMigrations().every((name) => applied.has(name))) return [];
  const migrator = new Migrator({ db, provider });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** One round trip to the database (it answers), then how its schema compares with this binary's. */
export async function databaseStatus(db: Kysely<Database>) {
  await sql`select 1`.execute(db);
  return migrationStatus(db);
}

export async function migrationStatus(db: Kysely<Database>) {
  const applied = await appliedMigrations(db);
  const expected = expectedMigrations();
  return {
    applied: applied.length,
    expected: expected.length,
    current: expected.every((m) => applied.includes(m)),
  };
}
