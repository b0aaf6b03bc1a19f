import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import type { Config } from '../../platform/config.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { databaseStatus } from '../../platform/db/migrate.js';
import { route } from '../../platform/http/route.js';

export function registerSystemRoutes(
  app: FastifyInstance,
  deps: {
    handle: DatabaseHandle;
    config: Pick<
      Config,
      'mapTileUrl' | 'mapTileAttribution' | 'demo' | 'smtpUrl' | 'uploadMaxMb' | 'readyTimeoutMs'
    >;
    /** The region's time zone (times are shown and entered in it). */
    timeZone: () => Promise<string>;
  },
) {
  const tags = ['system'];
  route(app, ep.health, {
    summary: 'The process is alive',
    tags,
    handler: async () => ({ status: 'ok' as const }),
  });
  route(app, ep.ready, {
    summary:
      'The database answers within READY_TIMEOUT_MS and the schema is current (503 otherwise, saying why)',
    tags,
    alsoStatuses: [503],
    handler: async (_input, _request, reply) => {
      const outcome = await readiness(deps.handle, deps.config.readyTimeoutMs);
      if (outcome.status !== 'ready') reply.status(503);
      return outcome;
    },
  });
  route(app, ep.config, {
    summary: 'Settings the web app needs (no secrets)',
    tags,
    handler: async () => ({
      mapTileUrl: deps.config.mapTileUrl,
      mapTileAttribution: deps.config.mapTileAttribution,
      demo: deps.config.demo,
      smtpConfigured: deps.config.smtpUrl !== null,
      uploadMaxBytes: deps.config.uploadMaxMb * 1_048_576,
      timeZone: await deps.timeZone(),
    }),
  });
}

const NOT_CHECKED = { applied: 0, expected: 0, current: false };

/**
 * Asks the database, but never waits longer than `timeoutMs`: a hung server (or a queue of work in
 * front of it) makes readiness answer "timeout" at once rather than hang the load balancer's probe.
 */
async function readiness(handle: DatabaseHandle, timeoutMs: number) {
  const check = databaseStatus(handle.db);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([check, deadline]);
    if (result === 'timeout') {
      check.catch(() => undefined); // it still settles later; nobody waits for it
      return { status: 'not_ready' as const, database: 'timeout' as const, migrations: NOT_CHECKED };
    }
    return {
      status: result.current ? ('ready' as const) : ('not_ready' as const),
      database: 'ok' as const,
      migrations: result,
    };
  } catch {
    return { status: 'not_ready' as const, database: 'unreachable' as const, migrations: NOT_CHECKED };
  } finally {
    clearTimeout(timer);
  }
}
