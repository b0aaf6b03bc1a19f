/**
 * Background jobs on pg-boss over the same database (also on PGlite, through the driver's lock).
 * Modules register handlers by queue name; `send` enqueues after the caller's transaction has committed.
 *
 * Workers are our own loops over `fetch` → handler → `complete`/`fail`, every step awaited: pg-boss 10's
 * `work()` completes jobs without awaiting the statement, so a database that goes away at that moment
 * would end the process with an unhandled rejection. A loop survives any error (it logs and polls
 * again), so workers resume by themselves once the database is back. An outcome that could not be
 * recorded (the database went away meanwhile) is kept and recorded when it is back; if the process dies
 * first, the job stays active until it expires (`expireInSeconds`) and is then retried: handlers must be
 * idempotent (they are: each checks the state it acts on).
 *
 * Periodic work uses pg-boss schedules (`schedule(queue, cron)`): stored in the database, so with several
 * instances each tick creates one job for the whole cluster, run by whichever instance fetches it.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { SqlExecutor } from '../db/database.js';
import { databaseFault } from '../db/faults.js';

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;
export type QueueOptions = {
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** Jobs a worker fetches at once (default 1). */
  batchSize?: number;
  /** Jobs of one batch run at the same time (default 1). */
  concurrency?: number;
  /** A job active this long is taken as lost (its worker died) and retried (default 300). */
  expireInSeconds?: number;
  /**
   * pg-boss queue policy: `standard` (default) or `short` (at most one waiting job per singleton key;
   * a second `send` with the same key is refused while the first waits).
   */
  policy?: 'standard' | 'short';
  /** How often an idle worker looks for jobs (default 1 s; a full batch is followed at once). */
  pollSeconds?: number;
};

export type Jobs = {
  /** Installs or upgrades the queue schema, creates the queues and (with workers) the schedules. */
  start(): Promise<void>;
  /** Starts the worker loops (instances that run workers; call once the handlers are bound). */
  work(): void;
  stop(): Promise<void>;
  define<T extends object>(queue: string, options: QueueOptions, handler: JobHandler<T>): void;
  /**
   * A cron schedule (UTC) for a defined queue, kept in the database by pg-boss: each tick creates one
   * job for the whole cluster. Written at start by instances that run workers.
   */
  schedule(queue: string, cron: string): void;
  send<T extends object>(queue: string, data: T, options?: { singletonKey?: string }): Promise<string | null>;
  /**
   * Enqueues after the caller's transaction committed, without failing the caller: if the database is
   * unreachable now, the send is retried in the background a few times (the caller's write is already
   * committed and must be reported as done). Returns once the first attempt has finished.
   */
  sendAfterCommit<T extends object>(
    queue: string,
    data: T,
    options?: { singletonKey?: string },
  ): Promise<void>;
  /** The singleton keys among `keys` that have a job waiting, retrying or running in `queue`. */
  openKeys(queue: string, keys: string[]): Promise<Set<string>>;
  /** Runs a queue's handler on every job waiting now (tests and CLI use it instead of waiting on polling). */
  drain(queue: string): Promise<number>;
};

type Definition = { options: QueueOptions; handler: JobHandler<object> };
type FetchedJob = PgBoss.Job<object> & { retryCount?: number };
/** A handled job's result: `failed` is the error message, null for success. */
type Outcome = { queue: string; id: string; failed: string | null };

const SCHEMA = 'pgboss';
const DEFAULT_EXPIRE_SECONDS = 300;
/** Background re-sends of `sendAfterCommit`: after 1, 2, 4, 8, 16 and 32 s (about a minute in all). */
const AFTER_COMMIT_RETRIES = 6;
/** Outcomes kept in memory while the database is away (beyond that, expiry takes care of them). */
const MAX_UNRECORDED = 10_000;

export function createJobs(
  executor: SqlExecutor,
  log: Logger,
  opts: { work: boolean; cronMonitorIntervalSeconds?: number } = { work: true },
): Jobs {
  const boss = new PgBoss({
    db: executor,
    schema: SCHEMA,
    supervise: opts.work,
    schedule: opts.work,
    migrate: true,
    // How often an instance checks whether a schedule is due (one instance per interval does it).
    cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 10,
  });
  boss.on('error', (error) => {
    // Outages are expected and reported by the pool too; anything else is worth an error line.
    if (databaseFault(error)) log.warn({ err: error }, 'job queue: database not available');
    else log.error({ err: error }, 'job queue error');
  });
  const definitions = new Map<string, Definition>();
  const schedules = new Map<string, string>();
  const loops: Promise<void>[] = [];
  const wakers = new Map<string, () => void>();
  const timers = new Set<NodeJS.Timeout>();
  const unrecorded: Outcome[] = [];
  let started = false;
  let stopping = false;

  async function runOne(queue: string, definition: Definition, job: FetchedJob) {
    let failure: unknown = null;
    try {
      await definition.handler(job.data, { id: job.id, retryCount: job.retryCount ?? 0 });
    } catch (error) {
      failure = error;
    }
    const outcome: Outcome = {
      queue,
      id: job.id,
      failed: failure === null ? null : String((failure as Error)?.message ?? failure),
    };
    if (failure !== null) log.warn({ err: failure, queue, job: job.id }, 'job failed');
    if (!(await record(outcome))) {
      // The database is away: keep the outcome and record it once it is back (if this process dies
      // first, the job expires and is retried).
      if (unrecorded.length < MAX_UNRECORDED) unrecorded.push(outcome);
      log.warn({ queue, job: job.id }, 'job outcome not recorded yet; retrying when the database is back');
    }
  }

  async function record(outcome: Outcome): Promise<boolean> {
    try {
      if (outcome.failed === null) await boss.complete(outcome.queue, outcome.id);
      else await boss.fail(outcome.queue, outcome.id, { message: outcome.failed });
      return true;
    } catch {
      return false;
    }
  }

  /** Records outcomes kept during an outage, oldest first; stops at the first that still fails. */
  async function flushUnrecorded() {
    while (unrecorded.length > 0) {
      if (!(await record(unrecorded[0] as Outcome))) return;
      unrecorded.shift();
    }
  }

  async function runBatch(queue: string, definition: Definition, jobs: FetchedJob[]) {
    const lanes = Math.max(1, Math.min(definition.options.concurrency ?? 1, jobs.length));
    let next = 0;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++] as FetchedJob;
          await runOne(queue, definition, job);
        }
      }),
    );
  }

  function pause(queue: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakers.delete(queue);
        resolve();
      }
      wakers.set(queue, done);
    });
  }

  async function workLoop(queue: string, definition: Definition) {
    const batchSize = Math.max(1, definition.options.batchSize ?? 1);
    const pollMs = (definition.options.pollSeconds ?? 1) * 1000;
    while (!stopping) {
      if (unrecorded.length > 0) await flushUnrecorded();
      let jobs: FetchedJob[] = [];
      try {
        // pg-boss answers [] when the database is unreachable: the loop simply polls again.
        jobs = ((await boss.fetch<object>(queue, { batchSize, includeMetadata: true })) ??
          []) as FetchedJob[];
      } catch (error) {
        log.warn({ err: error, queue }, 'job fetch failed');
      }
      if (jobs.length > 0) await runBatch(queue, definition, jobs);
      if (jobs.length < batchSize && !stopping) await pause(queue, pollMs);
    }
  }

  async function sendNow<T extends object>(queue: string, data: T, options?: { singletonKey?: string }) {
    if (!started) throw new Error('Job queue is not started');
    const id = await boss.send(queue, data, options ?? {});
    wakers.get(queue)?.();
    return id;
  }

  return {
    async start() {
      await boss.start();
      started = true;
      stopping = false;
      for (const [queue, { options }] of definitions) {
        const queueOptions = {
          name: queue,
          policy: options.policy ?? 'standard',
          retryLimit: options.retryLimit,
          retryDelay: options.retryDelaySeconds,
          retryBackoff: options.retryBackoff,
          expireInSeconds: options.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
        };
        await boss.createQueue(queue, queueOptions);
        // Queues created by an older version keep their old settings otherwise (policy included).
        await boss.updateQueue(queue, queueOptions);
      }
      if (!opts.work) return;
      for (const [queue, cron] of schedules) await boss.schedule(queue, cron, {}, { tz: 'UTC' });
      for (const { name } of await boss.getSchedules()) {
        if (definitions.has(name) && !schedules.has(name)) await boss.unschedule(name);
      }
    },
    work() {
      if (!opts.work || !started || loops.length > 0) return;
      for (const [queue, definition] of definitions) {
        loops.push(
          workLoop(queue, definition).catch((error) =>
            log.error({ err: error, queue }, 'job worker stopped'),
          ),
        );
      }
    },
    async stop() {
      if (!started) return;
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const wake of [...wakers.values()]) wake();
      // Jobs being handled finish (bounded: a stuck handler must not hold the shutdown forever).
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(loops),
        new Promise((r) => {
          waited = setTimeout(r, 10_000);
        }),
      ]);
      clearTimeout(waited);
      loops.length = 0;
      await flushUnrecorded();
      try {
        await boss.stop({ graceful: true, wait: true, timeout: 2_000 });
      } catch (error) {
        log.warn({ err: error }, 'job queue did not stop cleanly');
      }
      started = false;
    },
    define(queue, options, handler) {
      definitions.set(queue, { options, handler: handler as JobHandler<object> });
    },
    schedule(queue, cron) {
      schedules.set(queue, cron);
    },
    send: sendNow,
    async sendAfterCommit(queue, data, options) {
      const attempt = async (n: number): Promise<void> => {
        try {
          await sendNow(queue, data, options);
        } catch (error) {
          if (n >= AFTER_COMMIT_RETRIES || stopping || !started) {
            log.error({ err: error, queue }, 'job not enqueued after commit; it is left to the next sweep');
            return;
          }
          log.warn({ err: error, queue, attempt: n + 1 }, 'job not enqueued after commit; retrying');
          const timer = setTimeout(
            () => {
              timers.delete(timer);
              void attempt(n + 1);
            },
            1000 * 2 ** n,
          );
          timer.unref();
          timers.add(timer);
        }
      };
      await attempt(0);
    },
    async openKeys(queue, keys) {
      if (keys.length === 0) return new Set();
      const result = await executor.executeSql(
        `select distinct singleton_key as key from ${SCHEMA}.job
          where name = $1 and singleton_key = any($2::text[]) and state < 'completed'`,
        [queue, keys],
      );
      return new Set(result.rows.map((r) => String(r.key)));
    },
    async drain(queue) {
      const definition = definitions.get(queue);
      if (!definition) throw new Error(`No handler for queue ${queue}`);
      let handled = 0;
      for (;;) {
        const jobs = (await boss.fetch<object>(queue, {
          batchSize: 20,
          includeMetadata: true,
        })) as FetchedJob[];
        if (!jobs || jobs.length === 0) return handled;
        for (const job of jobs) await runOne(queue, definition, job);
        handled += jobs.length;
      }
    },
  };
}
