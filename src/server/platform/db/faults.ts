/**
 * Which errors mean "the database cannot serve right now" (as opposed to a bug or bad input), and whether
 * a connection that saw the error may be reused. The HTTP layer answers these with 503 and Retry-After;
 * the job queue retries them; nothing else depends on the driver's error shapes.
 */

/**
 * - `unavailable`: the server cannot be reached or dropped the connection (stopped, restarting,
 *   terminated backends, refused or timed-out connects, a hung server that never answers);
 * - `busy`: the server is there but gave up on this statement (statement or lock timeout, deadlock,
 *   serialization failure) — transient, a retry usually succeeds.
 */
export type DatabaseFault = 'unavailable' | 'busy';

const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, pg_ctl stop -m fast
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);
const BUSY_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '40P01', // deadlock_detected
  '40001', // serialization_failure
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres and Kysely report these without a code. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /is not queryable/i,
  /cannot use a pool after calling end/i,
  /postgres connection has been discarded/i,
  /driver has already been destroyed/i,
];

function faultOf(error: unknown): DatabaseFault | null {
  if (!error || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code.startsWith('08') && code.length === 5) return 'unavailable'; // connection_exception class
    if (UNAVAILABLE_SQLSTATES.has(code)) return 'unavailable';
    if (BUSY_SQLSTATES.has(code)) return 'busy';
    if (NETWORK_CODES.has(code)) return 'unavailable';
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return 'unavailable';
  return null;
}

/** The fault an error stands for (following `cause` and aggregated errors), or null for anything else. */
export function databaseFault(error: unknown, depth = 0): DatabaseFault | null {
  if (depth > 4 || !error || typeof error !== 'object') return null;
  const own = faultOf(error);
  if (own) return own;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (cause) {
    const fault = databaseFault(cause, depth + 1);
    if (fault) return fault;
  }
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const fault = databaseFault(inner, depth + 1);
      if (fault) return fault;
    }
  }
  return null;
}

/**
 * True when the connection that raised the error must not go back to the pool: the client gave up
 * waiting (the server may still be running the statement) or the connection itself failed. Errors the
 * server reported for a statement (constraint violations, timeouts it enforced) leave it usable.
 */
export function breaksConnection(error: unknown): boolean {
  if (!error || typeof error !== 'object') return true;
  const { code } = error as { code?: unknown };
  const serverReported = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  if (!serverReported) return databaseFault(error) !== null;
  return faultOf(error) === 'unavailable';
}
