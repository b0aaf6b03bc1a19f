/**
 * The waitlist runs on the job queue: `signups-promote` offers a shift's free places to the waitlist
 * (sent after any change that frees a place), `signups-expire` ends offers past their deadline and moves
 * them on (every minute), `signups-remind` sends the reminders that are due (every 5 minutes). The two
 * sweeps are pg-boss schedules kept in the database, so however many instances run, each tick makes one
 * job for the whole cluster (written by instances that run workers). Tests drain the queues explicitly.
 */
import type { Jobs } from '../../platform/jobs/jobs.js';

export const PROMOTE_QUEUE = 'signups-promote';
export const EXPIRE_QUEUE = 'signups-expire';
export const REMIND_QUEUE = 'signups-remind';

/** Cron (UTC) of the sweeps. */
export const EXPIRE_CRON = '* * * * *';
export const REMIND_CRON = '*/5 * * * *';

export type WaitlistWorker = {
  promote(shiftId: string): Promise<void>;
  expireOffers(): Promise<void>;
};

export type ReminderWorker = { sweep(): Promise<unknown> };

export type SignupJobs = {
  /** Asks for the shift's free places to be offered (after the caller's transaction committed). */
  promote(shiftId: string): Promise<void>;
  /** Connects the handlers to the service (queues are defined before the job queue starts). */
  bind(worker: WaitlistWorker): void;
  /** Connects the reminder sweep. */
  bindReminders(worker: ReminderWorker): void;
  /** Asks for a reminder sweep now (what the 5-minute schedule does). */
  remind(): Promise<void>;
  /** Asks for a sweep of expired offers now (what the minute schedule does). */
  sweep(): Promise<void>;
  /** Runs the queues now (tests, CLI). */
  drain(): Promise<number>;
  /** Nothing to stop: the schedules live in the database and the job queue stops its workers. */
  stop(): void;
};

const RETRY = { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true };

export function defineSignupJobs(jobs: Jobs): SignupJobs {
  let worker: WaitlistWorker | null = null;
  let reminders: ReminderWorker | null = null;
  const bound = () => {
    if (!worker) throw new Error('signup jobs are not bound yet');
    return worker;
  };
  jobs.define<{ shiftId: string }>(PROMOTE_QUEUE, RETRY, async ({ shiftId }) => bound().promote(shiftId));
  jobs.define<Record<string, never>>(EXPIRE_QUEUE, RETRY, async () => bound().expireOffers());
  jobs.define<Record<string, never>>(REMIND_QUEUE, RETRY, async () => {
    if (!reminders) throw new Error('signup reminders are not bound yet');
    await reminders.sweep();
  });
  jobs.schedule(EXPIRE_QUEUE, EXPIRE_CRON);
  jobs.schedule(REMIND_QUEUE, REMIND_CRON);

  return {
    async promote(shiftId) {
      // After the commit: if the queue cannot take it right now it is retried in the background, and
      // the change that freed the place is still reported as done.
      await jobs.sendAfterCommit(PROMOTE_QUEUE, { shiftId });
    },
    async sweep() {
      await jobs.send(EXPIRE_QUEUE, {});
    },
    async remind() {
      await jobs.send(REMIND_QUEUE, {});
    },
    bindReminders(w) {
      reminders = w;
    },
    bind(w) {
      worker = w;
    },
    async drain() {
      let n = 0;
      for (;;) {
        const handled =
          (await jobs.drain(EXPIRE_QUEUE)) +
          (await jobs.drain(PROMOTE_QUEUE)) +
          (await jobs.drain(REMIND_QUEUE));
        if (handled === 0) return n;
        n += handled;
      }
    },
    stop() {},
  };
}
