// The app in this process, on a database handle whose Kysely (and raw executor) records every statement it
// runs: each benchmark request is injected once and the SQL it ran is kept for the baseline server, which
// replays it. Also where the runner prepares its fixtures and sessions (no argon2 logins).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { distImporter } from './util.mjs';

export { distImporter };

const OID = { int8: 20, numeric: 1700, date: 1082 };

/** The app's type parsing (platform/db/database.ts): int8 → number, numeric and date → string. */
export const pgTypes = {
  getTypeParser(oid, format) {
    if (oid === OID.int8) return (v) => Number(v);
    if (oid === OID.numeric || oid === OID.date) return (v) => v;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/**
 * A database handle like the server's (PostgreSQL pool of `poolSize`, or PGlite in `dataDir`) whose
 * statements go to `recorder.current` while it is an array.
 */
export async function openRecordingHandle({ root, databaseUrl, dataDir, poolSize }) {
  const dist = distImporter(root);
  const recorder = { current: null };
  const log = (event) => {
    if (event.level === 'query' && recorder.current)
      recorder.current.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
  };
  if (databaseUrl) {
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: poolSize,
      types: pgTypes,
      application_name: 'dobroset-bench',
      options: '-c jit=off',
    });
    const db = new Kysely({ dialect: new PostgresDialect({ pool }), log });
    const handle = {
      kind: 'postgres',
      db,
      url: databaseUrl,
      executor: {
        async executeSql(text, values) {
          recorder.current?.push({ sql: text, parameters: [...(values ?? [])], raw: true });
          const r = await pool.query(text, values);
          const last = Array.isArray(r) ? r[r.length - 1] : r;
          return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
        },
      },
      async close() {
        await db.destroy();
      },
    };
    return { handle, recorder };
  }
  const { openPglite } = await dist('platform/db/database.js');
  const { PgliteHost, pgliteDialect } = await dist('platform/db/pglite-driver.js');
  const base = await openPglite({ dataDir, lockCommand: 'npm run bench' });
  const host = new PgliteHost(base.pglite);
  // the same PGlite, seen through a Kysely that logs (its own host: one statement at a time either way)
  const db = new Kysely({ dialect: pgliteDialect(host), log });
  const handle = {
    ...base,
    db,
    executor: {
      async executeSql(text, values) {
        recorder.current?.push({ sql: text, parameters: [...(values ?? [])], raw: true });
        const r = await host.execute(text, values);
        return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
      },
    },
    host,
    close: () => base.close(),
  };
  return { handle, recorder };
}

/** A scratch database: PostgreSQL at DATABASE_URL (a pool of 10) when set, else PGlite in memory; migrated. */
export async function openScratchHandle(root) {
  const dist = distImporter(root);
  const { openPglite, openPostgres } = await dist('platform/db/database.js');
  const { migrateToLatest } = await dist('platform/db/migrate.js');
  const url = process.env.DATABASE_URL;
  const handle = url ? await openPostgres(url, 10) : await openPglite({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  return handle;
}

/** The app on `handle` (no job workers, no web files), as the tests build it. */
export async function createInProcessApp({ root, handle, env }) {
  const dist = distImporter(root);
  const { createRuntime } = await dist('runtime.js');
  const { loadConfig } = await dist('platform/config.js');
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1',
    HOST: '127.0.0.1',
    DEMO: 'false',
    ...env,
  });
  return createRuntime({ config, log: pino({ level: 'silent' }), handle, work: false, webDir: null });
}

/** Runs one request through app.inject and returns { status, statements, bytes }. */
export async function captureRequest(app, recorder, request) {
  recorder.current = [];
  try {
    const res = await app.inject({
      method: request.method ?? 'GET',
      url: request.path,
      headers: request.headers ?? {},
      ...(request.body !== undefined ? { payload: request.body } : {}),
    });
    return { status: res.statusCode, statements: recorder.current, bytes: res.rawPayload.length, res };
  } finally {
    recorder.current = null;
  }
}
