/**
 * A module's manifest: how the runtime builds its services and how the app registers its routes, so adding
 * a module is one entry in `src/server/modules.ts`, not an edit of runtime.ts and app.ts. The platform
 * defines the shape and runs the list; it imports no module.
 *
 * Dependencies between modules are by name: a manifest lists the services it `needs` (created by modules
 * earlier in the list) and its `create` receives exactly those, typed by its own parameter. A port that
 * another module implements (`shiftChanges`, `consentChanges`) is such a service too.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditWriter } from './audit/audit.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import type { Database } from './db/schema.js';
import type { RateLimits } from './http/rate-limits.js';
import type { Jobs } from './jobs/jobs.js';
import type { Mailer } from './mail/mailer.js';
import type { FileStore } from './storage/file-store.js';

/** What every module's `create` is given: the platform's parts, built once in runtime.ts. */
export type Platform = {
  db: Kysely<Database>;
  /** The PostgreSQL server's URL (null on PGlite), for work on a connection of its own (backup's COPY). */
  databaseUrl: string | null;
  config: Config;
  clock: Clock;
  audit: AuditWriter;
  mailer: Mailer;
  /** Queues are defined in `create`: it runs before the job queue starts. */
  jobs: Jobs;
  /** Counters shared by all instances (platform/http/rate-limits.ts). */
  rateLimits: RateLimits;
  /** Uploaded files (UPLOAD_DIR). */
  files: FileStore;
};

/** What every module's `register` is given besides the app and its own services. */
export type HttpPlatform = {
  config: Config;
  handle: DatabaseHandle;
  /** The region's time zone (re-read at most once a minute). */
  timeZone: () => Promise<string>;
  /** The login/registration rate limit (tests loosen it). */
  authRateLimit?: { max: number; timeWindow: string };
};

export type ModuleManifest<Needs, Provides> = {
  readonly name: string;
  /** Other modules' services `create` uses, by name; a module earlier in the list provides each. */
  readonly needs: readonly (keyof Needs & string)[];
  /** Builds the module's services (no I/O). */
  readonly create: (platform: Platform, needs: Needs) => Provides;
  /** Request hooks every route relies on (the session, say): added before any module's routes. */
  readonly hooks?: (app: FastifyInstance, services: Provides) => void;
  /** Registers the module's routes. */
  readonly register?: (app: FastifyInstance, services: Provides, http: HttpPlatform) => void;
  /** Runs when the runtime closes, after the app has stopped taking requests. */
  readonly stop?: (services: Provides) => void | Promise<void>;
};

/** Checks a manifest's shape and infers its `Needs` (from `create`'s parameter) and `Provides`. */
export const defineModule = <Needs extends object, Provides extends object>(
  manifest: ModuleManifest<Needs, Provides>,
) => manifest;

/**
 * A manifest in the list of all modules, whose services together are `S`: it needs some of them and
 * provides some of them. (Each module's manifest is assignable to this when its names and types agree.)
 */
export type AnyModule<S> = {
  readonly name: string;
  readonly needs: readonly (keyof S & string)[];
  readonly create: (platform: Platform, needs: S) => Partial<S>;
  readonly hooks?: (app: FastifyInstance, services: S) => void;
  readonly register?: (app: FastifyInstance, services: S, http: HttpPlatform) => void;
  readonly stop?: (services: S) => void | Promise<void>;
};

/** Creates every module's services in list order; each `create` gets only the services it names. */
export function createModuleServices<S extends object>(
  modules: readonly AnyModule<S>[],
  platform: Platform,
): S {
  const services: Partial<S> = {};
  for (const m of modules) {
    const needs: Partial<S> = {};
    for (const name of m.needs) {
      if (!(name in services)) {
        throw new Error(`Module ${m.name} needs ${name}, which no module before it provides`);
      }
      needs[name] = services[name];
    }
    const provided = m.create(platform, needs as S);
    for (const name of Object.keys(provided)) {
      if (name in services) throw new Error(`Module ${m.name} provides ${name}, which another module does`);
    }
    Object.assign(services, provided);
  }
  return services as S;
}
