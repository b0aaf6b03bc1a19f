/**
 * The signups module's manifest: places on shifts, the waitlist and reminders on the job queue, and
 * check-in. It implements two ports other modules declare: `shiftChanges` (opportunities tells it about
 * edited and cancelled shifts) and `consentChanges` (volunteers tells it about withdrawn consents).
 */
import { defineModule } from '../../platform/module.js';
import type { NotificationsService } from '../notifications/index.js';
import { createShiftCheckinKeys, type ShiftChangeListener } from '../opportunities/index.js';
import type { ConsentChangeListener } from '../volunteers/index.js';
import { registerCheckinRoutes } from './checkin.routes.js';
import { type CheckinServices, createCheckinServices } from './checkin.wiring.js';
import { defineSignupJobs } from './signups.jobs.js';
import { registerSignupRoutes } from './signups.routes.js';
import { createSignupServices, type SignupServices } from './signups.wiring.js';

export type SignupsModuleServices = {
  signups: SignupServices;
  checkin: CheckinServices;
  /** The port the opportunities module calls when shifts change. */
  shiftChanges: ShiftChangeListener;
  /** The port the volunteers module calls when a consent is withdrawn. */
  consentChanges: ConsentChangeListener;
};

export const signupsModule = defineModule({
  name: 'signups',
  needs: ['notifications'],
  create(platform, { notifications }: { notifications: NotificationsService }): SignupsModuleServices {
    const { db, clock, audit, mailer, config, rateLimits } = platform;
    const signups = createSignupServices({
      db,
      clock,
      audit,
      mailer,
      config,
      notifications,
      jobs: defineSignupJobs(platform.jobs),
    });
    const checkin = createCheckinServices({
      db,
      clock,
      audit,
      config,
      signups,
      limits: rateLimits,
      // the shift's key belongs to the opportunities module: its published function, in our transaction
      shiftKeys: createShiftCheckinKeys(),
    });
    return { signups, checkin, shiftChanges: signups.shiftChanges, consentChanges: signups.consentChanges };
  },
  register(app, { signups, checkin }) {
    registerSignupRoutes(app, { signups });
    registerCheckinRoutes(app, { checkin });
  },
  stop: ({ signups }) => signups.jobs.stop(),
});
