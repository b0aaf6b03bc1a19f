/**
 * Security headers (with a Content-Security-Policy for the web app), `Cache-Control: no-store` on
 * personal API answers, rate limits kept in PostgreSQL (shared by every instance, ADR 0016) and the CSRF
 * check for cookie-authenticated writes. See docs/adr/0003-csrf.md for why this mechanism.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/session-plugin.js';
import type { Config } from '../config.js';
import { requestLocale } from './locale.js';
import { errorMessage } from './messages.js';
import { problem, sendProblem } from './problem.js';
import { pgRateLimitStore } from './rate-limit-store.js';
import { type RateLimits, RetryLaterError } from './rate-limits.js';

export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'dobroset';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Public reference endpoints: the same for everybody, so they may keep their own caching rules. */
const PUBLIC_API = ['/api/public/', '/api/docs', '/api/openapi.json'];

/**
 * Whether an API answer must not be stored by any cache: every endpoint that is not public, and a public
 * one without caching rules of its own when the request carries a session. A route that chose a private
 * rule itself (`private, …`, `no-store`) keeps it.
 */
export function mustNotStore(route: string | undefined, hasSession: boolean, current: unknown): boolean {
  const isPublic = route !== undefined && PUBLIC_API.some((prefix) => route.startsWith(prefix));
  const rule = typeof current === 'string' ? current.toLowerCase() : '';
  if (rule.includes('no-store')) return false;
  if (isPublic) return !rule && hasSession;
  return !rule.includes('private');
}

/**
 * TRUST_PROXY as Fastify takes it. A hop count becomes "trust the first N hops from the socket" (Fastify
 * itself ignores a bare number); then the client address is the one the outermost trusted proxy saw,
 * and whatever a client writes into X-Forwarded-For before that is never believed.
 */
export function fastifyTrustProxy(
  value: Config['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return value > 0 ? (_address, hop) => hop < value : false;
  return value;
}

export async function registerSecurity(
  app: FastifyInstance,
  config: Pick<Config, 'publicUrl' | 'mapTileUrl'>,
  limits: RateLimits,
) {
  const tileOrigin = config.mapTileUrl ? tileHostSource(config.mapTileUrl) : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.publicUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.publicUrl.startsWith('https:') ? { maxAge: 15552000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, { global: false, store: pgRateLimitStore(limits) });

  // A throttled attempt tells the client when to come back (the problem handler keeps the header).
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') && request.url !== '/api') return payload;
    const cookie = request.headers.cookie;
    const hasSession = typeof cookie === 'string' && cookie.includes(`${SESSION_COOKIE}=`);
    if (mustNotStore(request.routeOptions.url, hasSession, reply.getHeader('cache-control'))) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  const allowedOrigins = new Set([new URL(config.publicUrl).origin]);
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const rejection = csrfRejection(request, allowedOrigins);
    if (rejection) {
      request.log.warn({ reason: rejection }, 'csrf check rejected a request');
      const locale = requestLocale(request);
      return sendProblem(
        reply,
        problem(request, 403, 'csrf_rejected', errorMessage('csrf_rejected', locale, '')),
      );
    }
  });
}

/** `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example` */
function tileHostSource(template: string): string {
  const match = /^(https?:\/\/)([^/]+)/.exec(template);
  if (!match) return "'none'";
  return `${match[1]}${match[2]?.replace(/\{[a-z]\}/g, '*')}`;
}

/**
 * Every API write must carry `X-Requested-With: dobroset` (a cross-site form cannot set a header, and a
 * cross-site script cannot without a CORS preflight we never grant), and must not come from a foreign
 * origin (Sec-Fetch-Site / Origin, when the browser sends them).
 */
export function csrfRejection(request: FastifyRequest, allowedOrigins: Set<string>): string | null {
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) return 'missing X-Requested-With header';
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !['same-origin', 'none'].includes(site)) return `sec-fetch-site ${site}`;
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    const host = request.headers.host;
    const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    if (!sameHost && !allowedOrigins.has(origin)) return `foreign origin ${origin}`;
  }
  return null;
}

export const AUTH_RATE_LIMIT: { max: number; timeWindow: string } = { max: 10, timeWindow: '1 minute' };
