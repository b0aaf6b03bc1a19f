/** buildApp(deps): platform plugins first, then each module's routes. No I/O happens here. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { LIMITS } from '../shared/limits.js';
import { isWebRoute } from '../shared/web-routes.js';
import { mayActWithTemporaryPassword } from './modules/accounts/accounts.policy.js';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.js';
import { registerAdminRoutes } from './modules/admin/admin.routes.js';
import { registerApplicationRoutes } from './modules/applications/applications.routes.js';
import { registerCenterRoutes } from './modules/centers/centers.routes.js';
import { registerCheckinRoutes } from './modules/checkin/checkin.routes.js';
import { registerExportRoutes } from './modules/exports/exports.routes.js';
import { registerMonitoringRoutes } from './modules/monitoring/monitoring.routes.js';
import { registerMunicipalChangeRoutes } from './modules/network/municipal-changes.routes.js';
import { registerNetworkRoutes } from './modules/network/network.routes.js';
import type { NetworkService } from './modules/network/network.service.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerOpportunityRoutes } from './modules/opportunities/opportunities.routes.js';
import { registerOrganizationRoutes } from './modules/organizations/organizations.routes.js';
import { registerPlanRoutes } from './modules/plan/plan.routes.js';
import { registerScheduleRoutes } from './modules/schedule/schedule.routes.js';
import { registerSignupRoutes } from './modules/signups/signups.routes.js';
import { registerSystemRoutes } from './modules/system/system.routes.js';
import { registerVolunteerRoutes } from './modules/volunteers/volunteers.routes.js';
import { registerSessions } from './platform/auth/session-plugin.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { AppError } from './platform/errors.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { registerLoadShedding } from './platform/http/load-shedding.js';
import { openApiComponents, openApiInfo, transformOpenApi } from './platform/http/openapi.js';
import {
  apiNotFound,
  clientErrorHandler,
  frameworkErrors,
  registerProblemHandlers,
} from './platform/http/problem.js';
import { fastifyTrustProxy, registerSecurity } from './platform/http/security.js';
import { registerValidation } from './platform/http/validation.js';
import { RedactingLogController, withRedaction } from './platform/logger.js';
import type { Services } from './runtime.js';

export type AppDeps = {
  config: Config;
  log: Logger;
  handle: DatabaseHandle;
  services: Services;
  /** Built web app (index.html and assets); absent → API only. */
  webDir?: string | null;
  authRateLimit?: { max: number; timeWindow: string };
  /** Time of idempotency keys (tests move it); the system clock by default. */
  clock?: Clock;
};

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, services } = deps;
  const app: FastifyInstance = Fastify({
    loggerInstance: withRedaction(deps.log) as FastifyBaseLogger,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{8,100}$/.test(incoming) ? incoming : randomUUID();
    },
    logController: new RedactingLogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: LIMITS.bodyBytes,
    // errors before routing (bad URL encoding, 414) and from Node's parser (431, 400) as problem+json
    frameworkErrors,
    clientErrorHandler,
    trustProxy: fastifyTrustProxy(config.trustProxy),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Bounded queue in front of the database: sheds load with 503 before sessions or anything else run.
  registerLoadShedding(app, config.loadShedding);

  // Only JSON bodies: a cross-site form's text/plain (or urlencoded) body is refused with 415.
  app.removeContentTypeParser('text/plain');
  registerValidation(app);
  registerProblemHandlers(app);
  await registerSecurity(app, config, services.rateLimits);
  await app.register(cookie);
  registerSessions(app, (token) => services.sessions.resolve(token));
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
  // Idempotency-Key on every POST under /api (ADR 0017); registered before any route.
  registerIdempotency(app, { db: deps.handle.db, clock: deps.clock ?? systemClock });

  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: openApiInfo, components: openApiComponents },
    // problem+json errors, operationIds, the CSRF header, session security (platform/http/openapi.ts)
    transformObject: transformOpenApi,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few inline styles; scripts stay 'self' only.
    transformStaticCSP: (header) => header.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const timeZone = regionTimeZone(services.network);
  registerSystemRoutes(app, { handle: deps.handle, config, timeZone });
  registerAccountRoutes(app, {
    accounts: services.accounts,
    sessions: services.sessions,
    secureCookies: config.publicUrl.startsWith('https:'),
    authRateLimit: deps.authRateLimit,
  });
  registerNetworkRoutes(app, { network: services.network });
  registerMunicipalChangeRoutes(app, { municipalChanges: services.municipalChanges });
  registerAdminRoutes(app, { admin: services.admin });
  registerCenterRoutes(app, { centers: services.centers });
  registerOrganizationRoutes(app, { organizations: services.organizations });
  registerExportRoutes(app, { exports: services.exports });
  registerApplicationRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerPlanRoutes(app, { plan: services.plan, dashboard: services.dashboard });
  registerMonitoringRoutes(app, { workLog: services.workLog, monitoring: services.monitoring });
  registerSignupRoutes(app, { signups: services.signups });
  registerOpportunityRoutes(app, services);
  registerVolunteerRoutes(app, services.volunteers);
  registerCheckinRoutes(app, { checkin: services.checkin });
  registerScheduleRoutes(app, { schedule: services.schedule });

  const webDir = deps.webDir && fs.existsSync(path.join(deps.webDir, 'index.html')) ? deps.webDir : null;
  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, index: false, wildcard: false, maxAge: '1h' });
    const indexTemplate = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
    /** The page carries the region's time zone, so the very first render shows times in it. */
    const indexHtml = async () =>
      indexTemplate.replace(
        '<head>',
        `<head>\n    <meta name="region-time-zone" content="${await timeZone()}" />`,
      );
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await indexHtml()),
    );
    app.setNotFoundHandler(async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') return apiNotFound(request, reply);
      if (request.method !== 'GET' && request.method !== 'HEAD') return apiNotFound(request, reply);
      return reply
        .status(isWebRoute(request.url.split('?')[0] ?? '/') ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await indexHtml());
    });
  } else {
    app.setNotFoundHandler(apiNotFound);
  }
  return app;
}

/** The current region's time zone, re-read at most once a minute (a region may be loaded after start). */
function regionTimeZone(network: NetworkService): () => Promise<string> {
  let cached: { zone: string; at: number } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < 60_000) return cached.zone;
    const zone = await network.timeZone();
    // the zone goes into the page's <meta>: only an IANA name's characters
    cached = { zone: /^[A-Za-z_+\-/0-9]+$/.test(zone) ? zone : 'Europe/Moscow', at: Date.now() };
    return cached.zone;
  };
}
