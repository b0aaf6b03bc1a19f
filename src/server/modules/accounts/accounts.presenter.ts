/** What leaves the server about users and sessions. Rows never go out as they are. */
import type { RoleAssignment, Session, User } from '../../../shared/contracts/accounts.js';
import type { SessionRow, UserRow } from '../../platform/db/schema.js';
import type { AccountsRepo } from './accounts.repo.js';

type GrantRow = Awaited<ReturnType<AccountsRepo['grantsOf']>>[number];

export function toRoleView(g: GrantRow): RoleAssignment {
  return {
    role: g.role,
    scopeType: g.scope_type,
    scopeId: g.scope_id,
    scopeName: g.region_name ?? g.center_name ?? g.org_name ?? null,
  };
}

export function toUserView(user: UserRow, grants: GrantRow[]): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    emailVerified: user.email_verified_at !== null,
    mustChangePassword: user.must_change_password,
    roles: grants.map(toRoleView),
    createdAt: user.created_at.toISOString(),
    version: user.version,
  };
}

export function toSessionView(
  s: Pick<SessionRow, 'id' | 'created_at' | 'last_seen_at' | 'expires_at' | 'user_agent' | 'ip'>,
  currentId: string,
): Session {
  return {
    id: s.id,
    createdAt: s.created_at.toISOString(),
    lastSeenAt: s.last_seen_at.toISOString(),
    expiresAt: s.expires_at.toISOString(),
    userAgent: s.user_agent,
    ip: s.ip,
    current: s.id === currentId,
  };
}
