/** Builds the check-in module: QR tokens, the volunteer's check-in/out, the coordinator's desk, walk-ins. */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { createSignupCore } from '../signups/signups.core.js';
import type { SignupJobs } from '../signups/signups.jobs.js';
import { createSignupNotifier } from '../signups/signups.notify.js';
import { createSignupsRepo } from '../signups/signups.repo.js';
import { createSignupsService } from '../signups/signups.service.js';
import { createSwapsRepo } from '../signups/swaps.repo.js';
import { createCheckinDesk } from './checkin.desk.js';
import { createAttemptLimiter } from './checkin.limiter.js';
import { createCheckinRepo } from './checkin.repo.js';
import { createCheckinService } from './checkin.service.js';
import { createCheckinSteps } from './checkin.steps.js';

/** Wrong short codes allowed per user in the window (see docs/checkin.md). */
export const CODE_ATTEMPTS = { max: 5, windowMs: 15 * 60_000 };

export function createCheckinServices(deps: {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl' | 'signupLimits'>;
  notifications: NotificationsService;
  jobs: SignupJobs;
}) {
  const { db, clock, mailer, config, jobs } = deps;
  const signups = createSignupsRepo(db);
  const base = {
    db,
    repo: signups,
    clock,
    mailer,
    jobs,
    notify: createSignupNotifier({ notifications: deps.notifications, publicUrl: config.publicUrl }),
    limits: config.signupLimits,
  };
  const core = createSignupCore(base);
  // The signups service's own attendance step (no-show at the desk); the signups module binds the jobs.
  const signupsService = createSignupsService({ ...base, core, swaps: createSwapsRepo(db) });
  const repo = createCheckinRepo(db);
  const steps = createCheckinSteps({ signups, repo, clock });
  return {
    service: createCheckinService({
      db,
      signups,
      repo,
      steps,
      clock,
      publicUrl: config.publicUrl,
      limiter: createAttemptLimiter(clock, CODE_ATTEMPTS),
    }),
    desk: createCheckinDesk({ db, signups, repo, steps, core, attendance: signupsService.attendance, clock }),
  };
}
export type CheckinServices = ReturnType<typeof createCheckinServices>;
