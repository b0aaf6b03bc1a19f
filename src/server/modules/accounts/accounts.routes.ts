/** Thin routes: schema → authorize → one service call → present. */
import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { requireUser } from '../../platform/auth/actor.js';
import { DEVICE_COOKIE, setDeviceCookie } from '../../platform/auth/device-cookie.js';
import { clearSessionCookie, clientInfo, setSessionCookie } from '../../platform/auth/session-plugin.js';
import { route } from '../../platform/http/route.js';
import { AUTH_RATE_LIMIT } from '../../platform/http/security.js';
import type { AccountsService } from './accounts.service.js';
import type { SessionService } from './sessions.service.js';

export function registerAccountRoutes(
  app: FastifyInstance,
  deps: {
    accounts: AccountsService;
    sessions: SessionService;
    secureCookies: boolean;
    authRateLimit?: typeof AUTH_RATE_LIMIT;
  },
) {
  const { accounts, sessions } = deps;
  const rateLimit = deps.authRateLimit ?? AUTH_RATE_LIMIT;
  const tags = ['accounts'];
  const cookieMaxAge = sessions.settings.absoluteDays * 86_400;

  route(app, ep.register, {
    summary:
      'Register with email, password and personal-data consent; a verification mail is sent (the answer is the same for an address that is already registered: its owner is told by mail)',
    tags,
    status: 202,
    rateLimit,
    handler: async ({ body }, request) => {
      await accounts.register(body, clientInfo(request));
      return { accepted: true as const };
    },
  });
  route(app, ep.verifyEmail, {
    summary: 'Confirm an email address with the mailed token',
    tags,
    rateLimit,
    handler: async ({ body }) => ({ user: await accounts.verifyEmail(body.token) }),
  });
  route(app, ep.resendVerification, {
    summary: 'Send the verification mail again (never discloses whether the address is registered)',
    tags,
    status: 202,
    rateLimit,
    handler: async ({ body }) => {
      await accounts.resendVerification(body.email);
      return { accepted: true as const };
    },
  });
  route(app, ep.login, {
    summary:
      'Log in; sets a fresh httpOnly session cookie and a device cookie (429 with Retry-After while the account is slowed down after failed attempts)',
    tags,
    rateLimit,
    handler: async ({ body }, request, reply) => {
      const { token, device, user } = await accounts.login(
        body.email,
        body.password,
        clientInfo(request),
        request.sessionToken,
        request.cookies[DEVICE_COOKIE],
      );
      setSessionCookie(reply, token, { secure: deps.secureCookies, maxAgeSeconds: cookieMaxAge });
      setDeviceCookie(reply, device, deps.secureCookies);
      return { user };
    },
  });
  route(app, ep.logout, {
    summary: 'End the current session',
    tags,
    handler: async (_input, request, reply) => {
      if (request.sessionToken) await sessions.endByToken(request.sessionToken);
      clearSessionCookie(reply, deps.secureCookies);
      return null;
    },
  });
  route(app, ep.requestPasswordReset, {
    summary: 'Mail a one-time password-reset link (never discloses whether the address is registered)',
    tags,
    status: 202,
    rateLimit,
    handler: async ({ body }) => {
      await accounts.requestPasswordReset(body.email);
      return { accepted: true as const };
    },
  });
  route(app, ep.confirmPasswordReset, {
    summary: 'Set a new password with the mailed token; ends all sessions',
    tags,
    rateLimit,
    handler: async ({ body }) => {
      await accounts.confirmPasswordReset(body.token, body.password);
      return { accepted: true as const };
    },
  });

  route(app, ep.me, {
    summary: 'The logged-in user with roles',
    tags,
    handler: async (_input, request) => ({ user: await accounts.view(requireUser(request.actor).userId) }),
    etag: (r) => r.user.version,
  });
  route(app, ep.updateMe, {
    summary: 'Update own display name or language',
    tags,
    handler: async ({ body, ifMatch }, request) => ({
      user: await accounts.updateMe(requireUser(request.actor), body, ifMatch),
    }),
    etag: (r) => r.user.version,
  });
  route(app, ep.changePassword, {
    summary: 'Change own password; ends the other sessions',
    tags,
    rateLimit,
    handler: async ({ body }, request) => {
      await accounts.changePassword(requireUser(request.actor), body.currentPassword, body.newPassword);
      return { accepted: true as const };
    },
  });
  route(app, ep.mySessions, {
    summary: 'Own live sessions',
    tags,
    handler: async (_input, request) => ({ items: await sessions.list(requireUser(request.actor)) }),
  });
  route(app, ep.endSession, {
    summary: 'End one of own sessions',
    tags,
    handler: async ({ params }, request, reply) => {
      const actor = requireUser(request.actor);
      await sessions.end(actor, params.id);
      if (params.id === actor.sessionId) clearSessionCookie(reply, deps.secureCookies);
      return null;
    },
  });
  route(app, ep.endAllSessions, {
    summary: 'Log out everywhere: end all own sessions, this one included',
    tags,
    handler: async (_input, request, reply) => {
      await sessions.endAll(requireUser(request.actor).userId);
      clearSessionCookie(reply, deps.secureCookies);
      return null;
    },
  });
}
