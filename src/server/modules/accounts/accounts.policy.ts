/** Permissions on accounts, as pure functions of (actor, resource). */
import { type Actor, holds } from '../../platform/auth/actor.js';

/** Only the owner may see or end a session; to anyone else it does not exist. */
export const canManageSession = (actor: Actor, session: { user_id: string }) =>
  actor.kind === 'user' && actor.userId === session.user_id;

/** Granting roles is the regional operator's job. */
export const canGrantRoles = (actor: Actor, scope: { regionId: string }) =>
  holds(actor, 'regional_admin', { regionId: scope.regionId });

/**
 * A user with a temporary password may do nothing but read their account, change the password and log
 * out until they have chosen their own.
 */
export const mayActWithTemporaryPassword = (route: string) =>
  ['/api/me', '/api/me/password', '/api/auth/logout'].includes(route);
