import { describe, expect, it } from 'vitest';
import { type Actor, anonymous, authorize, holds } from './actor.js';

const user = (grants: Extract<Actor, { kind: 'user' }>['grants'], userId = 'u1'): Actor => ({
  kind: 'user',
  userId,
  sessionId: 's1',
  email: 'x@example.ru',
  mustChangePassword: false,
  grants,
});

describe('holds: one mechanism for scoped roles', () => {
  const admin = user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]);
  const coordinator = user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]);
  const rep = user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O1' }]);

  it('a region grant covers resources in that region only', () => {
    expect(holds(admin, 'regional_admin', { regionId: 'R1', centerId: 'C9' })).toBe(true);
    expect(holds(admin, 'regional_admin', { regionId: 'R2' })).toBe(false);
  });
  it('a centre grant covers that centre only', () => {
    expect(holds(coordinator, 'center_coordinator', { regionId: 'R1', centerId: 'C1' })).toBe(true);
    expect(holds(coordinator, 'center_coordinator', { regionId: 'R1', centerId: 'C2' })).toBe(false);
    expect(holds(coordinator, 'regional_admin', { regionId: 'R1' })).toBe(false);
  });
  it('an organization grant covers that organization only', () => {
    expect(holds(rep, 'org_representative', { organizationId: 'O1' })).toBe(true);
    expect(holds(rep, 'org_representative', { organizationId: 'O2' })).toBe(false);
  });
  it('anonymous holds nothing', () => {
    expect(holds(anonymous, 'volunteer')).toBe(false);
  });
  it('authorize hides or forbids', () => {
    expect(() => authorize(false)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => authorize(false, { hide: true })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => authorize(true)).not.toThrow();
  });
});
