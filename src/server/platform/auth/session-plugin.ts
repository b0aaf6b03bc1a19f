/** Reads the session cookie on each request and puts the actor on `request.actor`. */
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, anonymous } from './actor.js';

export const SESSION_COOKIE = 'dobroset_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
  }
}

export type SessionResolver = (token: string) => Promise<Actor | null>;

export function registerSessions(app: FastifyInstance, resolve: SessionResolver) {
  app.decorateRequest('actor', undefined as unknown as { getter: () => Actor });
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    request.sessionToken = token;
    const actor = await resolve(token);
    if (actor) request.actor = actor;
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  opts: { secure: boolean; maxAgeSeconds: number },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    maxAge: opts.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clientInfo(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}
