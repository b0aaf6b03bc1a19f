/**
 * The waitlist runs on the job queue: `signups-promote` offers a shift's free places to the waitlist
 * (sent after any change that frees a place), `signups-expire` ends offers past their deadline and moves
 * them on (sent by a sweep every minute while workers run). `signups-remind` sends the reminders that are
 * due (sent every 5 minutes while workers run). Tests drain the queues explicitly.
 */
import type { Jobs } from '../../platform/jobs/jobs.js';

export const PROMOTE_QUEUE = 'signups-promote';
export const EXPIRE_QUEUE = 'signups-expire';
export const REMIND_QUEUE = 'signups-remind';

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
  /** Connects the reminder sweep (and starts its timer while workers run). */
  bindReminders(worker: ReminderWorker): void;
  /** Asks for a reminder sweep now (what the 5-minute timer does). */
  remind(): Promise<void>;
  /** Asks for a sweep of expired offers now (what the minute timer does). */
  sweep(): Promise<void>;
  /** Runs the queues now (tests, CLI). */
  drain(): Promise<number>;
  stop(): void;
};

const RETRY = { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true };

/**
 * `sweepSeconds`: the expiry sweep's period (0 = no timer); `remindSeconds`: the reminder sweep's period,
 * 5 minutes by default when the expiry sweep runs, none otherwise.
 */
export function defineSignupJobs(
  jobs: Jobs,
  options: { sweepSeconds: number; remindSeconds?: number },
): SignupJobs {
  let worker: WaitlistWorker | null = null;
  let reminders: ReminderWorker | null = null;
  let timer: NodeJS.Timeout | null = null;
  let remindTimer: NodeJS.Timeout | null = null;
  const remindSeconds = options.remindSeconds ?? (options.sweepSeconds > 0 ? 300 : 0);
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

  return {
    async promote(shiftId) {
      await jobs.send(PROMOTE_QUEUE, { shiftId });
    },
    async sweep() {
      await jobs.send(EXPIRE_QUEUE, {});
    },
    async remind() {
      await jobs.send(REMIND_QUEUE, {});
    },
    bindReminders(w) {
      reminders = w;
      if (remindSeconds > 0 && !remindTimer) {
        remindTimer = setInterval(() => {
          jobs.send(REMIND_QUEUE, {}, { singletonKey: 'sweep' }).catch(() => undefined);
        }, remindSeconds * 1000);
        remindTimer.unref();
      }
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
        const handled =
          (await jobs.drain(EXPIRE_QUEUE)) +
          (await jobs.drain(PROMOTE_QUEUE)) +
          (await jobs.drain(REMIND_QUEUE));
        if (handled === 0) return n;
        n += handled;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      if (remindTimer) clearInterval(remindTimer);
      timer = null;
      remindTimer = null;
    },
  };
}
