/**
 * Wires the platform: database, migrations, job queue, mailer, services and the HTTP app. Used by the CLI
 * (`start`) and by tests, which pass their own database handle and clock.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { type AccountJobs, defineAccountJobs } from './modules/accounts/accounts.jobs.js';
import { createAccountsRepo } from './modules/accounts/accounts.repo.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { createLoginThrottle } from './modules/accounts/login-throttle.js';
import { createSessionsRepo } from './modules/accounts/sessions.repo.js';
import { createSessionService } from './modules/accounts/sessions.service.js';
import { createAdminService } from './modules/admin/admin.service.js';
import { createApplicationServices } from './modules/applications/applications.wiring.js';
import { createCentersRepo } from './modules/centers/centers.repo.js';
import { createCentersService } from './modules/centers/centers.service.js';
import { createCheckinServices } from './modules/checkin/checkin.wiring.js';
import { createExportsRepo } from './modules/exports/exports.repo.js';
import { createExportsService } from './modules/exports/exports.service.js';
import { createMonitoringServices } from './modules/monitoring/monitoring.wiring.js';
import { createMunicipalChangesRepo } from './modules/network/municipal-changes.repo.js';
import { createMunicipalChangesService } from './modules/network/municipal-changes.service.js';
import { createNetworkRepo } from './modules/network/network.repo.js';
import { createNetworkService } from './modules/network/network.service.js';
import { createOpportunityServices } from './modules/opportunities/opportunities.wiring.js';
import { createOrganizationsRepo } from './modules/organizations/organizations.repo.js';
import { createOrganizationsService } from './modules/organizations/organizations.service.js';
import { createPlanServices } from './modules/plan/plan.wiring.js';
import { createScheduleRepo } from './modules/schedule/schedule.repo.js';
import { createScheduleService } from './modules/schedule/schedule.service.js';
import { defineSignupJobs, type SignupJobs } from './modules/signups/signups.jobs.js';
import { createSignupServices } from './modules/signups/signups.wiring.js';
import { createVolunteerServices } from './modules/volunteers/volunteers.wiring.js';
import { createDeviceCookies } from './platform/auth/device-cookie.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type DatabaseHandle, openDatabase, withoutTimeouts } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { defineIdempotencySweep } from './platform/http/idempotency.js';
import { createRateLimits } from './platform/http/rate-limits.js';
import { createJobs, type Jobs } from './platform/jobs/jobs.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { createFsFileStore } from './platform/storage/fs-file-store.js';

/** The built web app next to the built server: dist/web (from dist/server/runtime.js). */
export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');

export function createServices(deps: {
  handle: DatabaseHandle;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  signupJobs: SignupJobs;
  accountJobs: AccountJobs;
}) {
  const { handle, config, clock, mailer } = deps;
  const rateLimits = createRateLimits({ db: handle.db, clock });
  const accountsRepo = createAccountsRepo(handle.db);
  const sessions = createSessionService({
    sessions: createSessionsRepo(handle.db),
    accounts: accountsRepo,
    clock,
    settings: { idleMinutes: config.sessionIdleMinutes, absoluteDays: config.sessionAbsoluteDays },
  });
  const accounts = createAccountsService({
    db: handle.db,
    repo: accountsRepo,
    sessions,
    mailer,
    clock,
    publicUrl: config.publicUrl,
    limits: rateLimits,
    jobs: deps.accountJobs,
    throttle: createLoginThrottle({ limits: rateLimits, devices: createDeviceCookies({ db: handle.db }) }),
  });
  const network = createNetworkService({ repo: createNetworkRepo(handle.db), clock });
  const files = createFsFileStore(config.uploadDir);
  const admin = createAdminService({ db: handle.db, clock, network, files });
  const municipalChanges = createMunicipalChangesService({
    db: handle.db,
    repo: createMunicipalChangesRepo(handle.db),
    network,
    clock,
  });
  const centers = createCentersService({ db: handle.db, repo: createCentersRepo(handle.db), network, clock });
  const exports = createExportsService({ db: handle.db, repo: createExportsRepo(handle.db), network, clock });
  const applicationServices = createApplicationServices({
    db: handle.db,
    network,
    clock,
    mailer,
    config,
    store: files,
  });
  const organizations = createOrganizationsService({
    db: handle.db,
    repo: createOrganizationsRepo(handle.db),
    network,
    clock,
    mailer,
    publicUrl: config.publicUrl,
    notifications: applicationServices.notifications,
  });
  const { plan, dashboard } = createPlanServices({ db: handle.db, network, clock });
  const { workLog, monitoring } = createMonitoringServices({ db: handle.db, network, clock });
  const signups = createSignupServices({
    db: handle.db,
    clock,
    mailer,
    config,
    notifications: applicationServices.notifications,
    jobs: deps.signupJobs,
  });
  return {
    ...applicationServices,
    accounts,
    sessions,
    rateLimits,
    network,
    plan,
    dashboard,
    admin,
    organizations,
    centers,
    municipalChanges,
    exports,
    workLog,
    monitoring,
    signups,
    ...createOpportunityServices({
      db: handle.db,
      network,
      clock,
      config,
      shiftChanges: signups.shiftChanges,
    }),
    volunteers: createVolunteerServices({
      db: handle.db,
      clock,
      timeZone: () => network.timeZone(),
      files,
      uploadMaxBytes: config.uploadMaxMb * 1_048_576,
      consentChanges: signups.consentChanges,
      notices: { notifications: applicationServices.notifications, mailer, publicUrl: config.publicUrl },
    }),
    checkin: createCheckinServices({ db: handle.db, clock, config, signups, limits: rateLimits }),
    schedule: createScheduleService({ repo: createScheduleRepo(handle.db), clock }),
  };
}
export type Services = ReturnType<typeof createServices>;

export type Runtime = {
  config: Config;
  handle: DatabaseHandle;
  jobs: Jobs;
  mailer: Mailer;
  services: Services;
  app: FastifyInstance;
  close(): Promise<void>;
};

export async function createRuntime(options: {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** An already open database (tests); otherwise opened from the config and closed with the runtime. */
  handle?: DatabaseHandle;
  /** Run job workers (polling). Tests turn this off and drain queues explicitly. */
  work?: boolean;
  webDir?: string | null;
  /** Without SMTP, also write each mail as an .eml file here (`dobroset start`: DATA_DIR/mail). */
  mailDir?: string | null;
  authRateLimit?: { max: number; timeWindow: string };
}): Promise<Runtime> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  const ownsHandle = !options.handle;
  const handle =
    options.handle ??
    (await openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      lockCommand: 'dobroset start',
      poolSize: config.database.poolSize,
      timeouts: config.database.timeouts,
      onConnectionError: (error) => log.warn({ err: error }, 'database connection lost'),
    }));
  try {
    // Migrations may take longer than a request's statement timeout: they run without it.
    const applied = await withoutTimeouts(handle, (db) => migrateToLatest(db));
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
    const jobs = createJobs(handle.executor, log, { work: options.work ?? true });
    const mailer = createMailer({
      db: handle.db,
      jobs,
      clock,
      log,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      mailDir: options.mailDir ?? null,
    });
    const signupJobs = defineSignupJobs(jobs);
    const accountJobs = defineAccountJobs(jobs);
    defineIdempotencySweep(jobs, { db: handle.db, clock, log });
    await jobs.start();
    const requeued = await mailer.requeuePending();
    if (requeued > 0) log.info({ requeued }, 'pending mail re-queued');
    const services = createServices({ handle, config, clock, mailer, signupJobs, accountJobs });
    const app = await buildApp({
      config,
      log,
      handle,
      services,
      webDir: options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir,
      authRateLimit: options.authRateLimit,
      clock,
    });
    await app.ready();
    // Workers start once every handler is bound (a scheduled job may be waiting already).
    jobs.work();
    return {
      config,
      handle,
      jobs,
      mailer,
      services,
      app,
      async close() {
        await app.close();
        signupJobs.stop();
        await jobs.stop();
        mailer.close();
        if (ownsHandle) await handle.close();
      },
    };
  } catch (error) {
    if (ownsHandle) await handle.close();
    throw error;
  }
}
