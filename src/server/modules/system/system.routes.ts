import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import type { Config } from '../../platform/config.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { migrationStatus } from '../../platform/db/migrate.js';
import { route } from '../../platform/http/route.js';

export function registerSystemRoutes(
  app: FastifyInstance,
  deps: {
    handle: DatabaseHandle;
    config: Pick<Config, 'mapTileUrl' | 'mapTileAttribution' | 'demo' | 'smtpUrl' | 'uploadMaxMb'>;
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
    summary: 'The database is reachable and the schema is current (503 otherwise)',
    tags,
    alsoStatuses: [503],
    handler: async (_input, _request, reply) => {
      try {
        await sql`select 1`.execute(deps.handle.db);
        const migrations = await migrationStatus(deps.handle.db);
        if (!migrations.current) reply.status(503);
        return {
          status: migrations.current ? ('ready' as const) : ('not_ready' as const),
          database: 'ok' as const,
          migrations,
        };
      } catch {
        reply.status(503);
        return {
          status: 'not_ready' as const,
          database: 'unreachable' as const,
          migrations: { applied: 0, expected: 0, current: false },
        };
      }
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
