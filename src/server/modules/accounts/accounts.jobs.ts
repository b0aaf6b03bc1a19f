/**
 * "Send me a link" requests (password reset, verification again) are answered at once and done on the
 * job queue: the request only enqueues `{ kind, email }`, the same work for a registered and an unknown
 * address, so neither the answer nor its time tells whether the address has an account. The job looks the
 * address up, issues the one-time token and writes the mail to the outbox. Tests drain the queue.
 */
import type { Jobs } from '../../platform/jobs/jobs.js';

export const ACCOUNT_MAIL_QUEUE = 'accounts-mail-request';

export type AccountMailRequest = { kind: 'reset_password' | 'verify_email'; email: string };
export type AccountMailWorker = (request: AccountMailRequest) => Promise<void>;

export type AccountJobs = {
  /** Enqueues the request (no database work for the address itself). */
  request(request: AccountMailRequest): Promise<void>;
  /** Connects the handler to the service (the queue is defined before the job queue starts). */
  bind(worker: AccountMailWorker): void;
  /** Runs waiting requests now (tests, CLI). */
  drain(): Promise<number>;
};

export function defineAccountJobs(jobs: Jobs): AccountJobs {
  let worker: AccountMailWorker | null = null;
  jobs.define<AccountMailRequest>(
    ACCOUNT_MAIL_QUEUE,
    { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true },
    async (request) => {
      if (!worker) throw new Error('account jobs are not bound yet');
      await worker(request);
    },
  );
  return {
    async request(request) {
      await jobs.send(ACCOUNT_MAIL_QUEUE, request);
    },
    bind(w) {
      worker = w;
    },
    drain: () => jobs.drain(ACCOUNT_MAIL_QUEUE),
  };
}
