/**
 * Opens the database: embedded PGlite in DATA_DIR when DATABASE_URL is unset, a PostgreSQL pool otherwise.
 * Both return values of the same JavaScript types (normalised here, in one place):
 * int8 → number, numeric → string, date → 'YYYY-MM-DD' string, timestamptz → Date, json(b) → object.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { breaksConnection } from './faults.js';
import { acquireDataDirLock } from './lock.js';
import { PgliteHost, pgliteDialect } from './pglite-driver.js';
import type { Database } from './schema.js';
import { type DatabaseTimeouts, DEFAULT_TIMEOUTS, UNBOUNDED_TIMEOUTS } from './timeouts.js';

export { type DatabaseTimeouts, DEFAULT_TIMEOUTS, UNBOUNDED_TIMEOUTS } from './timeouts.js';

export type SqlResult = { rows: Record<string, unknown>[]; rowCount: number };
/** The raw executor other libraries (pg-boss) use; on PGlite it shares the driver's lock. */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<SqlResult> };

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Kysely<Database>;
  executor: SqlExecutor;
  /** For PGlite: a tarball of the data directory (used by tests to clone a migrated template). */
  pglite?: PGlite;
  /** For PostgreSQL: the connection URL (a second pool without timeouts is opened from it). */
  url?: string;
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
} & PostgresOptions;

/**
 * PGlite's server settings. Its shared buffers are allocated and zeroed in the WebAssembly heap when the
 * database opens, so all of them are resident from the start: PGlite's 128MB default is more than an
 * embedded installation's whole database, and pages beyond the buffers are still read from DATA_DIR
 * through the operating system's cache. 16MB keeps the idle server's memory down (issue 11).
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  // the data is in memory or the OS cache: index lookups cost about what sequential reads do (ADR 0018)
  '-c',
  'random_page_cost=1.1',
];

/**
 * Creates a new on-disk database (initdb) in a child process that exits when it is done. In-process,
 * PGlite runs initdb in a second instance and copies its data directory through a tarball: hundreds of MB
 * that, even once collected, stay resident in this process (the allocator keeps the freed pages).
 */
async function initdbInChildProcess(pgdata: string): Promise<void> {
  if (fs.existsSync(path.join(pgdata, 'PG_VERSION'))) return;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(pglite)})
    .PGlite.create(process.argv[1], { startParams: JSON.parse(process.argv[2]) })
    .then((pg) => pg.close())
    .catch((error) => { console.error(error); process.exit(1); });`;
  // Liftoff only: the optimising tier would spend more CPU compiling than this short process runs (initdb
  // takes about half the time without it).
  const args = ['--liftoff-only', '-e', script, pgdata, JSON.stringify(PGLITE_START_PARAMS)];
  await promisify(execFile)(process.execPath, args);
}

export async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const dataDir = options.dataDir ?? 'memory://';
  const onDisk = !dataDir.startsWith('memory://');
  const lock = onDisk && options.lock !== false ? acquireDataDirLock(dataDir, options.lockCommand) : null;
  try {
    const location = onDisk ? path.join(dataDir, 'pgdata') : dataDir;
    if (onDisk && !options.loadDataDir) await initdbInChildProcess(location);
    const pglite = new PGlite(location, {
      parsers: { [OID.int8]: toNumber, [OID.numeric]: identity, [OID.date]: identity },
      startParams: PGLITE_START_PARAMS,
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

export type PostgresOptions = {
  timeouts?: DatabaseTimeouts;
  /** Told about connection errors that no query is waiting for (the pool replaces the connection). */
  onConnectionError?: (error: Error) => void;
};

const APPLICATION_NAME = 'dobroset';

export async function openPostgres(
  url: string,
  poolSize = 10,
  options: PostgresOptions = {},
): Promise<DatabaseHandle> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const onConnectionError = options.onConnectionError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes,
    application_name: APPLICATION_NAME,
    // Short statements only: JIT compilation costs tens of milliseconds, more than the queries it would
    // speed up (the planner's costs at region scale cross jit_above_cost on a page of search results).
    options: '-c jit=off',
    keepAlive: true,
    ...(timeouts.connectMs ? { connectionTimeoutMillis: timeouts.connectMs } : {}),
    ...(timeouts.statementMs ? { statement_timeout: timeouts.statementMs } : {}),
    ...(timeouts.lockMs ? { lock_timeout: timeouts.lockMs } : {}),
    ...(timeouts.idleInTransactionMs
      ? { idle_in_transaction_session_timeout: timeouts.idleInTransactionMs }
      : {}),
    ...(timeouts.queryMs ? { query_timeout: timeouts.queryMs } : {}),
  });
  // An idle pooled connection that dies is reported here (the pool drops it and opens a new one later).
  pool.on('error', (error) => onConnectionError(error));
  // A checked-out connection has no listener of the pool's: without ours, a backend terminated between
  // two statements of a transaction would raise an unhandled 'error' event and end the process.
  pool.on('connect', (client) => {
    client.on('error', (error) => onConnectionError(error));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingBrokenClients(pool) }) });
  return {
    kind: 'postgres',
    db,
    url,
    executor: {
      async executeSql(text, values) {
        // pool.query releases a failed client with its error, so a broken connection is never reused.
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

/**
 * The pool as Kysely sees it. Kysely returns a connection to the pool after a failed statement as if it
 * were healthy; a client-side timeout leaves the connection waiting for the old answer, and the next
 * transaction on it would hang or read the wrong result. Such a client is destroyed on release instead.
 */
function discardingBrokenClients(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let broken = false;
      const guarded = {
        async query(text: string, values: readonly unknown[]) {
          try {
            return await client.query(text, values as unknown[]);
          } catch (error) {
            if (breaksConnection(error)) broken = true;
            throw error;
          }
        },
        release(destroy?: boolean) {
          client.release(destroy || broken ? true : undefined);
        },
      };
      // Only the (sql, parameters) form is used: the dialect has no cursor configured.
      return guarded as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/**
 * Runs `fn` on a connection without the serving timeouts (migrations, backups): PostgreSQL gets a
 * one-connection pool of its own; PGlite has no timeouts, so it runs on the handle itself.
 */
export async function withoutTimeouts<T>(
  handle: DatabaseHandle,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (handle.kind !== 'postgres' || !handle.url) return fn(handle.db);
  const unbounded = await openPostgres(handle.url, 1, { timeouts: UNBOUNDED_TIMEOUTS });
  try {
    return await fn(unbounded.db);
  } finally {
    await unbounded.close();
  }
}

export function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize, options)
    : openPglite(options);
}
