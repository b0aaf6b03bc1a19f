/** The accounts module's manifest: registration, sessions, roles; it identifies every request's actor. */

import { createDeviceCookies } from '../../platform/auth/device-cookie.js';
import { registerSessions } from '../../platform/auth/session-plugin.js';
import { AppError } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { defineAccountJobs } from './accounts.jobs.js';
import { mayActWithTemporaryPassword } from './accounts.policy.js';
import { createAccountsRepo } from './accounts.repo.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { type AccountsService, createAccountsService } from './accounts.service.js';
import { type ConsentRecords, createConsentRecords } from './consent-records.js';
import { createLoginThrottle } from './login-throttle.js';
import { createRoleGrants, type RoleGrants } from './role-grants.js';
import { createSessionsRepo } from './sessions.repo.js';
import { createSessionService, type SessionService } from './sessions.service.js';

export type AccountsModuleServices = {
  accounts: AccountsService;
  sessions: SessionService;
  /** Role grants other modules make inside their own transaction (centres, organizations, squads). */
  roles: RoleGrants;
  /** Consent records the volunteers module writes inside its own transaction (accounts owns `consents`). */
  consentRecords: ConsentRecords;
};

export const accountsModule = defineModule({
  name: 'accounts',
  needs: [],
  create({ db, config, clock, mailer, audit, jobs, rateLimits }): AccountsModuleServices {
    const repo = createAccountsRepo(db);
    const sessions = createSessionService({
      sessions: createSessionsRepo(db),
      clock,
      settings: { idleMinutes: config.sessionIdleMinutes, absoluteDays: config.sessionAbsoluteDays },
    });
    const accounts = createAccountsService({
      db,
      repo,
      sessions,
      mailer,
      clock,
      audit,
      publicUrl: config.publicUrl,
      limits: rateLimits,
      jobs: defineAccountJobs(jobs),
      throttle: createLoginThrottle({ limits: rateLimits, devices: createDeviceCookies({ db }) }),
    });
    return {
      accounts,
      sessions,
      roles: createRoleGrants(repo),
      consentRecords: createConsentRecords(repo),
    };
  },
  hooks(app, { sessions }) {
    registerSessions(app, (token) => sessions.resolve(token));
    app.addHook('preHandler', async (request) => {
      const actor = request.actor;
      if (
        actor.kind === 'user' &&
        actor.mustChangePassword &&
        !mayActWithTemporaryPassword(request.routeOptions.url ?? '')
      ) {
        throw new AppError('password_change_required', 403, 'Change your temporary password first.');
      }
    });
  },
  register(app, { accounts, sessions }, { config, authRateLimit }) {
    registerAccountRoutes(app, {
      accounts,
      sessions,
      secureCookies: config.publicUrl.startsWith('https:'),
      authRateLimit,
    });
  },
});
