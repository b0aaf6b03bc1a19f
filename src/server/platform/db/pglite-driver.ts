/**
 * A Kysely driver for PGlite (PostgreSQL in WASM, in-process). PGlite has a single connection, so a
 * connection is a lease on a mutex: a transaction holds it from BEGIN to COMMIT and nothing interleaves.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex.js';

export class PgliteHost {
  readonly mutex = new Mutex();
  constructor(readonly pg: PGlite) {}

  /** Runs one statement (with parameters) or a parameterless multi-statement script, under the lock. */
  execute(text: string, values?: readonly unknown[]) {
    return this.mutex.run(() => runOn(this.pg, text, values));
  }
}

async function runOn(pg: PGlite, text: string, values?: readonly unknown[]) {
  if (!values || values.length === 0) {
    const results = await pg.exec(text);
    const last = results[results.length - 1];
    return { rows: (last?.rows ?? []) as Record<string, unknown>[], affectedRows: last?.affectedRows ?? 0 };
  }
  const result = await pg.query<Record<string, unknown>>(text, values as unknown[]);
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}

class PgliteConnection implements DatabaseConnection {
  constructor(readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Parameterless SQL may hold several statements (migrations): the simple protocol runs them all.
    const result =
      query.parameters.length === 0
        ? ((await this.pg.exec(query.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    const isWrite = /^\s*(with[\s\S]*\)\s*)?(insert|update|delete|merge)/i.test(query.sql);
    return {
      rows: result.rows as R[],
      ...(isWrite ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported by PGlite; fail loudly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite driver does not support streaming');
  }
}

class PgliteDriver implements Driver {
  readonly #host: PgliteHost;
  readonly #connection: PgliteConnection;
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();
  #held: (() => void) | null = null;

  constructor(host: PgliteHost) {
    this.#host = host;
    this.#connection = new PgliteConnection(host.pg);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#host.mutex.acquire();
    this.#held = release;
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await (conn as PgliteConnection).pg.exec(`begin${level}`);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await (conn as PgliteConnection).pg.exec('commit');
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await (conn as PgliteConnection).pg.exec('rollback');
  }
  async savepoint(conn: DatabaseConnection, name: string) {
    await (conn as PgliteConnection).pg.exec(`savepoint ${name}`);
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string) {
    await (conn as PgliteConnection).pg.exec(`rollback to savepoint ${name}`);
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string) {
    await (conn as PgliteConnection).pg.exec(`release savepoint ${name}`);
  }

  async releaseConnection(conn: DatabaseConnection) {
    const release = this.#releases.get(conn);
    this.#held = null;
    release?.();
  }

  async destroy() {
    this.#held?.();
  }
}

export function pgliteDialect(host: PgliteHost): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(host),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
