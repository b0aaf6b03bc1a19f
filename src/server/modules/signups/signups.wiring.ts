/**
 * Builds the signups module: the shared core, transitions and waitlist, coordinator tools, swaps,
 * reminders, the notices of shift changes (`shiftChanges`, passed to the opportunities module) and what a
 * withdrawn consent does to places (`consentChanges`, passed to the volunteers module).
 */
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { NotificationsService } from '../notifications/index.js';
import { createInvitationsRepo } from './invitations.repo.js';
import { createRemindersRepo } from './reminders.repo.js';
import { createShiftChangeNotices } from './signups.changes.js';
import { createConsentWithdrawals } from './signups.consent.js';
import { createSignupCoordinator } from './signups.coordinator.js';
import { createSignupCore } from './signups.core.js';
import { createInvitations } from './signups.invitations.js';
import type { SignupJobs } from './signups.jobs.js';
import { createSignupNotifier } from './signups.notify.js';
import { createReminders } from './signups.reminders.js';
import { createSignupsRepo } from './signups.repo.js';
import { createSignupsService } from './signups.service.js';
import { createSignupSwaps } from './signups.swap.js';
import { createTeamSignup } from './signups.team.js';
import { createSwapsRepo } from './swaps.repo.js';
import { createTeamRepo } from './team.repo.js';

export function createSignupServices(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl' | 'signupLimits'>;
  notifications: NotificationsService;
  jobs: SignupJobs;
}) {
  const { db, clock, mailer, config, jobs } = deps;
  const base = {
    db,
    repo: createSignupsRepo(db),
    clock,
    audit: deps.audit,
    mailer,
    jobs,
    notify: createSignupNotifier({ notifications: deps.notifications, mailer, publicUrl: config.publicUrl }),
    limits: config.signupLimits,
  };
  const core = createSignupCore(base);
  const swapsRepo = createSwapsRepo(db);
  const service = createSignupsService({ ...base, core, swaps: swapsRepo });
  const invitations = createInvitations({ ...base, core, invitations: createInvitationsRepo(db) });
  const coordinator = createSignupCoordinator({ ...base, core, invitations });
  const swaps = createSignupSwaps({ ...base, core, swaps: swapsRepo });
  const teamSignUp = createTeamSignup({ ...base, core, team: createTeamRepo(db) });
  jobs.bind(service);
  const remindersRepo = createRemindersRepo(db);
  const reminders = createReminders({ ...base, reminders: remindersRepo });
  jobs.bindReminders(reminders);
  const shiftChanges = createShiftChangeNotices({ ...base, reminders: remindersRepo, swaps: swapsRepo });
  const consentChanges = createConsentWithdrawals({ ...base, swaps: swapsRepo });
  return {
    /** The place-taking core and the repository, reused by check-in (checkin.wiring.ts). */
    core,
    repo: base.repo,
    service,
    coordinator,
    invitations,
    swaps,
    teamSignUp,
    jobs,
    reminders,
    shiftChanges,
    /** What a withdrawn consent does to future places (passed to the volunteers module). */
    consentChanges,
    async mine(actor: Actor) {
      const user = requireUser(actor);
      return {
        items: await service.mine(actor),
        swaps: await swaps.pendingFor(user.userId),
        invitations: await invitations.pendingFor(user.userId),
      };
    },
  };
}
export type SignupServices = ReturnType<typeof createSignupServices>;
