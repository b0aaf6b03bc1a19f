import { describe, expect, it } from 'vitest';
import { type Actor, anonymous } from '../../platform/auth/actor.js';
import { canGrantRoles, canManageSession, mayActWithTemporaryPassword } from './accounts.policy.js';

const user = (grants: Extract<Actor, { kind: 'user' }>['grants'], userId = 'u1'): Actor => ({
  kind: 'user',
  userId,
  sessionId: 's1',
  email: 'x@example.ru',
  mustChangePassword: false,
  grants,
});

describe('accounts policy', () => {
  it('only the owner manages a session', () => {
    expect(canManageSession(user([], 'u1'), { user_id: 'u1' })).toBe(true);
    expect(canManageSession(user([], 'u2'), { user_id: 'u1' })).toBe(false);
    expect(canManageSession(anonymous, { user_id: 'u1' })).toBe(false);
  });
  it('only the regional admin of the region grants roles', () => {
    expect(
      canGrantRoles(user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]), {
        regionId: 'R1',
      }),
    ).toBe(true);
    expect(
      canGrantRoles(user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]), {
        regionId: 'R1',
      }),
    ).toBe(false);
  });
  it('a temporary password allows only reading the account, changing the password and logging out', () => {
    expect(mayActWithTemporaryPassword('/api/me/password')).toBe(true);
    expect(mayActWithTemporaryPassword('/api/me/sessions')).toBe(false);
  });
});
