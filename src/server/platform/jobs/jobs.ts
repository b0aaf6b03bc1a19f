/**
 * Background jobs on pg-boss over the same database (also on PGlite, through the driver's lock).
 * Modules register handlers by queue name; `send` enqueues after the caller's transaction has committed.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { SqlExecutor } from '../db/database.js';

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;
export type QueueOptions = { retryLimit: number; retryDelaySeconds: number; retryBackoff: boolean };

export type Jobs = {
  start(): Promise<void>;
  stop(): Promise<void>;
  define<T extends object>(queue: string, options: QueueOptions, handler: JobHandler<T>): void;
  send<T extends object>(queue: string, data: T, options?: { singletonKey?: string }): Promise<string | null>;
  /** Runs a queue's handler on every job waiting now (tests and CLI use it instead of waiting on polling). */
  drain(queue: string): Promise<number>;
};

type Definition = { options: QueueOptions; handler: JobHandler<object> };

export function createJobs(
  executor: SqlExecutor,
  log: Logger,
  opts: { work: boolean } = { work: true },
): Jobs {
  const boss = new PgBoss({
    db: executor,
    schema: 'pgboss',
    supervise: opts.work,
    schedule: opts.work,
    migrate: true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  const definitions = new Map<string, Definition>();
  let started = false;

  async function run(queue: string, job: PgBoss.Job<object> & { retryCount?: number }) {
    const definition = definitions.get(queue);
    if (!definition) throw new Error(`No handler for queue ${queue}`);
    await definition.handler(job.data, { id: job.id, retryCount: job.retryCount ?? 0 });
  }

  return {
    async start() {
      await boss.start();
      started = true;
      for (const [queue, { options }] of definitions) {
        await boss.createQueue(queue, {
          name: queue,
          retryLimit: options.retryLimit,
          retryDelay: options.retryDelaySeconds,
          retryBackoff: options.retryBackoff,
        });
        if (opts.work) {
          await boss.work<object>(
            queue,
            { pollingIntervalSeconds: 1, includeMetadata: true },
            async (jobs) => {
              for (const job of jobs) await run(queue, job);
            },
          );
        }
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      started = false;
    },
    define(queue, options, handler) {
      definitions.set(queue, { options, handler: handler as JobHandler<object> });
    },
    async send(queue, data, options) {
      if (!started) throw new Error('Job queue is not started');
      return boss.send(queue, data, options ?? {});
    },
    async drain(queue) {
      let handled = 0;
      for (;;) {
        const jobs = await boss.fetch<object>(queue, { batchSize: 20, includeMetadata: true });
        if (!jobs || jobs.length === 0) return handled;
        for (const job of jobs) {
          try {
            await run(queue, job);
            await boss.complete(queue, job.id);
          } catch (error) {
            await boss.fail(queue, job.id, { message: (error as Error).message });
          }
          handled++;
        }
      }
    },
  };
}
