/**
 * Process-level behaviour of `dobroset start`: a graceful stop on SIGTERM/SIGINT, and survival of
 * database errors that nobody awaited.
 */
import type { Logger } from 'pino';
import { databaseFault } from '../platform/db/faults.js';

/** The longest a graceful stop may take before the process exits anyway. */
export const STOP_DEADLINE_MS = 25_000;

/**
 * pg-boss 10 completes and fails the jobs of its internal scheduler without awaiting the statement, so a
 * database that goes away at that moment leaves a rejected promise nobody handles — which would end the
 * process. Such a rejection (a database fault) is logged; any other unhandled rejection still ends the
 * process with code 1, as Node does by default.
 */
export function guardUnhandledRejections(log: Logger) {
  process.on('unhandledRejection', (reason) => {
    if (databaseFault(reason)) {
      log.warn({ err: reason }, 'database error nobody waited for (the database is unavailable)');
      return;
    }
    log.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let requests in flight finish, stop the job workers
 * (jobs being handled finish), close the database — then exit 0. A second signal, or a stop that takes
 * longer than STOP_DEADLINE_MS, exits at once with code 1.
 */
export function stopGracefullyOnSignals(log: Logger, close: () => Promise<void>) {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping: finishing requests and jobs in flight');
    const deadline = setTimeout(() => {
      log.error({ ms: STOP_DEADLINE_MS }, 'graceful stop took too long: exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    try {
      await close();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
