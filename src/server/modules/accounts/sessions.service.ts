/** Server-side sessions: opaque cookie token, stored hashed, with idle and absolute expiry. */
import type { Actor, Grant } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { newToken, tokenHash } from '../../platform/crypto.js';
import { canManageSession } from './accounts.policy.js';
import { toSessionView } from './accounts.presenter.js';
import type { Db } from './accounts.repo.js';
import type { SessionsRepo } from './sessions.repo.js';

export type SessionSettings = { idleMinutes: number; absoluteDays: number };
export type ClientInfo = { ip: string | null; userAgent: string | null };

/** Refresh last_seen_at at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

export function createSessionService(deps: {
  sessions: SessionsRepo;
  clock: Clock;
  settings: SessionSettings;
}) {
  const { sessions, clock, settings } = deps;
  const idleSince = (now: Date) => new Date(now.getTime() - settings.idleMinutes * 60_000);

  return {
    settings,
    /** Starts a session; returns the cookie token (only ever seen here and in the cookie). */
    async start(userId: string, client: ClientInfo, trx?: Db) {
      const now = clock.now();
      const token = newToken();
      const row = await sessions.insert(
        {
          token_hash: tokenHash(token),
          user_id: userId,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + settings.absoluteDays * 86_400_000),
          user_agent: client.userAgent?.slice(0, 300) ?? null,
          ip: client.ip,
        },
        trx,
      );
      return { token, sessionId: row.id };
    },

    /** The actor behind a cookie token, or null when the session is unknown, ended or expired. */
    async resolve(token: string): Promise<Actor | null> {
      const now = clock.now();
      const found = await sessions.findLive(tokenHash(token), now, idleSince(now));
      if (found?.status !== 'active') return null;
      if (now.getTime() - found.last_seen_at.getTime() > TOUCH_EVERY_MS) await sessions.touch(found.id, now);
      const grants: Grant[] = found.grants.map(([role, scopeType, scopeId]) => ({
        role,
        scopeType,
        scopeId,
      }));
      return {
        kind: 'user',
        userId: found.user_id,
        sessionId: found.id,
        email: found.email,
        mustChangePassword: found.must_change_password,
        grants,
      };
    },

    async list(actor: { userId: string; sessionId: string }) {
      const now = clock.now();
      const rows = await sessions.listLive(actor.userId, now, idleSince(now));
      return rows.map((r) => toSessionView(r, actor.sessionId));
    },

    async end(actor: Actor, sessionId: string) {
      const session = await sessions.findById(sessionId);
      authorize(session !== undefined && session.ended_at === null && canManageSession(actor, session), {
        hide: true,
        what: 'session',
      });
      await sessions.end(sessionId, clock.now());
    },

    endByToken: async (token: string) => {
      const now = clock.now();
      const found = await sessions.findLive(tokenHash(token), now, new Date(0));
      if (found) await sessions.end(found.id, now);
    },

    endAll: (userId: string, exceptSessionId: string | null = null, trx?: Db) =>
      sessions.endAllOf(userId, clock.now(), exceptSessionId, trx),
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
