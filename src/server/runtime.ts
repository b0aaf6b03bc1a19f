/**
 * Wires the platform: database, migrations, job queue, mailer, then every module's services (the list in
 * modules.ts) and the HTTP app. Used by the CLI (`start`) and by tests, which pass their own
 * database handle and clock.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { modules, type Services } from './modules.js';
import { createAuditWriter } from './platform/audit/audit.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type DatabaseHandle, openDatabase, withoutTimeouts } from './platform/db/database.js';
import { defineMaintenance } from './platform/db/maintenance.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { defineIdempotencySweep } from './platform/http/idempotency.js';
import { createRateLimits } from './platform/http/rate-limits.js';
import { createJobs, type Jobs } from './platform/jobs/jobs.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { createModuleServices, type Platform } from './platform/module.js';
import { createFsFileStore } from './platform/storage/fs-file-store.js';

export type { Services } from './modules.js';

/** The built web app next to the built server: dist/web (from dist/server/runtime.js). */
export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web');

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
  /** Settles when webDir is built (a first `dobroset start` builds it meanwhile); awaited before the app. */
  webReady?: Promise<unknown>;
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
    defineIdempotencySweep(jobs, { db: handle.db, clock, log });
    defineMaintenance(jobs, { handle, log });
    const platform: Platform = {
      db: handle.db,
      databaseUrl: handle.url ?? null,
      config,
      clock,
      audit: createAuditWriter({ clock }),
      mailer,
      jobs,
      rateLimits: createRateLimits({ db: handle.db, clock }),
      files: createFsFileStore(config.uploadDir),
    };
    // Every module's services, in the list's order (modules.ts); their queues are defined here.
    const services = createModuleServices(modules, platform);
    await jobs.start();
    const requeued = await mailer.requeuePending();
    if (requeued > 0) log.info({ requeued }, 'pending mail re-queued');
    await options.webReady;
    const app = await buildApp({
      config,
      log,
      handle,
      services,
      rateLimits: platform.rateLimits,
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
        for (const m of modules) await m.stop?.(services);
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
