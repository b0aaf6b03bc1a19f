/** How long the app waits for PostgreSQL (the DATABASE_*_TIMEOUT_MS settings). */

/**
 * Limits on how long the app waits for PostgreSQL. A server that is gone fails fast; one that hangs
 * (stopped process, network partition) is given up on after `queryMs` on the client side, since the
 * server-side `statement_timeout` cannot fire in a process that does not run.
 */
export type DatabaseTimeouts = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /** Server side: a statement running longer is cancelled (57014). 0 = no limit. */
  statementMs: number;
  /** Server side: waiting for a row or table lock longer fails the statement (55P03). 0 = no limit. */
  lockMs: number;
  /** Server side: a session idle inside a transaction this long is ended. 0 = no limit. */
  idleInTransactionMs: number;
  /** Client side: no answer to a statement this long → the connection is dropped. 0 = no limit. */
  queryMs: number;
};

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  lockMs: 5_000,
  idleInTransactionMs: 60_000,
  queryMs: 20_000,
};

/** No limits but the connect timeout: migrations, backups and restores run as long as they need. */
export const UNBOUNDED_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 0,
  lockMs: 0,
  idleInTransactionMs: 0,
  queryMs: 0,
};
