/**
 * Opens the database: embedded PGlite in DATA_DIR when DATABASE_URL is unset, a PostgreSQL pool otherwise.
 * Both return values of the same JavaScript types (normalised here, in one place):
 * int8 → number, numeric → string, date → 'YYYY-MM-DD' string, timestamptz → Date, json(b) → object.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './lock.js';
import { PgliteHost, pgliteDialect } from './pglite-driver.js';
import type { Database } from './schema.js';

export type SqlResult = { rows: Record<string, unknown>[]; rowCount: number };
/** The raw executor other libraries (pg-boss) use; on PGlite it shares the driver's lock. */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<SqlResult> };

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Kysely<Database>;
  executor: SqlExecutor;
  /** For PGlite: a tarball of the data directory (used by tests to clone a migrated template). */
  pglite?: PGlite;
  close(): Promise<void>;
};

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const identity = (value: string) => value;
const toNumber = (value: string) => Number(value);

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return toNumber;
    if (oid === OID.numeric || oid === OID.date) return identity;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export type OpenOptions = {
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  databaseUrl?: string | null;
  /** Load a PGlite data-dir tarball (tests clone a template this way; restore uses it too). */
  loadDataDir?: Blob;
  /** Take the data-dir lock (default true for on-disk PGlite). */
  lock?: boolean;
  lockCommand?: string;
  poolSize?: number;
};

export async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const dataDir = options.dataDir ?? 'memory://';
  const onDisk = !dataDir.startsWith('memory://');
  const lock = onDisk && options.lock !== false ? acquireDataDirLock(dataDir, options.lockCommand) : null;
  try {
    const pglite = new PGlite(onDisk ? path.join(dataDir, 'pgdata') : dataDir, {
      parsers: { [OID.int8]: toNumber, [OID.numeric]: identity, [OID.date]: identity },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pglite.waitReady;
    const host = new PgliteHost(pglite);
    const db = new Kysely<Database>({ dialect: pgliteDialect(host) });
    return {
      kind: 'pglite',
      db,
      pglite,
      executor: {
        async executeSql(text, values) {
          const r = await host.execute(text, values);
          return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
        },
      },
      async close() {
        try {
          await host.mutex.run(() => pglite.close());
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    executor: {
      async executeSql(text, values) {
        const r = await pool.query(text, values);
        const last = Array.isArray(r) ? r[r.length - 1] : r;
        return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
      },
    },
    async close() {
      await db.destroy();
    },
  };
}

export function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize) : openPglite(options);
}
