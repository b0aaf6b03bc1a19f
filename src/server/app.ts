/** buildApp(deps): platform plugins first, then each module's hooks and routes (modules.ts). No I/O here. */
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
import { modules, type Services } from './modules.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { registerLoadShedding } from './platform/http/load-shedding.js';
import { openApiComponents, openApiInfo, transformOpenApi } from './platform/http/openapi.js';
import {
  apiNotFound,
  clientErrorHandler,
  frameworkErrors,
  registerProblemHandlers,
} from './platform/http/problem.js';
import type { RateLimits } from './platform/http/rate-limits.js';
import { fastifyTrustProxy, registerSecurity } from './platform/http/security.js';
import { registerValidation } from './platform/http/validation.js';
import { RedactingLogController, withRedaction } from './platform/logger.js';
import type { HttpPlatform } from './platform/module.js';

export type AppDeps = {
  config: Config;
  log: Logger;
  handle: DatabaseHandle;
  services: Services;
  /** Counters shared by all instances (the security plugin's rate limits). */
  rateLimits: RateLimits;
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
  await registerSecurity(app, config, deps.rateLimits);
  await app.register(cookie);
  // Hooks every route relies on (accounts: the session's actor, the temporary-password gate).
  for (const m of modules) m.hooks?.(app, services);
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
  const http: HttpPlatform = { config, handle: deps.handle, timeZone, authRateLimit: deps.authRateLimit };
  for (const m of modules) m.register?.(app, services, http);

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
function regionTimeZone(network: Services['network']): () => Promise<string> {
  let cached: { zone: string; at: number } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < 60_000) return cached.zone;
    const zone = await network.timeZone();
    // the zone goes into the page's <meta>: only an IANA name's characters
    cached = { zone: /^[A-Za-z_+\-/0-9]+$/.test(zone) ? zone : 'Europe/Moscow', at: Date.now() };
    return cached.zone;
  };
}
