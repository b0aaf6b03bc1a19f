/**
 * The waitlist runs on the job queue: `signups-promote` offers a shift's free places to the waitlist
 * (sent after any change that frees a place), `signups-expire` ends offers past their deadline and moves
 * them on (sent by a sweep every minute while workers run; tests drain both queues explicitly).
 */
import type { Jobs } from '../../platform/jobs/jobs.js';

export const PROMOTE_QUEUE = 'signups-promote';
export const EXPIRE_QUEUE = 'signups-expire';

export type WaitlistWorker = {
  promote(shiftId: string): Promise<void>;
  expireOffers(): Promise<void>;
};

export type SignupJobs = {
  /** Asks for the shift's free places to be offered (after the caller's transaction committed). */
  promote(shiftId: string): Promise<void>;
  /** Connects the handlers to the service (queues are defined before the job queue starts). */
  bind(worker: WaitlistWorker): void;
  /** Asks for a sweep of expired offers now (what the minute timer does). */
  sweep(): Promise<void>;
  /** Runs both queues now (tests, CLI). */
  drain(): Promise<number>;
  stop(): void;
};

const RETRY = { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true };

export function defineSignupJobs(jobs: Jobs, options: { sweepSeconds: number }): SignupJobs {
  let worker: WaitlistWorker | null = null;
  let timer: NodeJS.Timeout | null = null;
  const bound = () => {
    if (!worker) throw new Error('signup jobs are not bound yet');
    return worker;
  };
  jobs.define<{ shiftId: string }>(PROMOTE_QUEUE, RETRY, async ({ shiftId }) => bound().promote(shiftId));
  jobs.define<Record<string, never>>(EXPIRE_QUEUE, RETRY, async () => bound().expireOffers());

  return {
    async promote(shiftId) {
      await jobs.send(PROMOTE_QUEUE, { shiftId });
    },
    async sweep() {
      await jobs.send(EXPIRE_QUEUE, {});
    },
    bind(w) {
      worker = w;
      if (options.sweepSeconds > 0 && !timer) {
        timer = setInterval(() => {
          jobs.send(EXPIRE_QUEUE, {}, { singletonKey: 'sweep' }).catch(() => undefined);
        }, options.sweepSeconds * 1000);
        timer.unref();
      }
    },
    async drain() {
      let n = 0;
      for (;;) {
        const handled = (await jobs.drain(EXPIRE_QUEUE)) + (await jobs.drain(PROMOTE_QUEUE));
        if (handled === 0) return n;
        n += handled;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
