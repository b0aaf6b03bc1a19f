/** Who is making a request, and the one mechanism that answers "may this actor do X on this resource". */
import type { Role, ScopeType } from '../../../shared/limits.js';
import { forbidden, notFound, unauthorized } from '../errors.js';

export type Grant = { role: Role; scopeType: ScopeType; scopeId: string | null };

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      sessionId: string;
      email: string;
      mustChangePassword: boolean;
      grants: Grant[];
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };

/** A resource's place in the scope tree: the region it lives in, and its organization / centre if any. */
export type ScopeChain = {
  regionId?: string | null;
  organizationId?: string | null;
  centerId?: string | null;
  /** A squad (of a centre): covered by a `squad_leader` grant scoped to that squad. */
  squadId?: string | null;
};

/**
 * Does the actor hold `role` over a resource in `chain`? A region-scoped grant covers everything in that
 * region; an organization grant covers the organization; a centre grant covers the centre.
 */
export function holds(actor: Actor, role: Role, chain: ScopeChain = {}): boolean {
  if (actor.kind !== 'user') return false;
  return actor.grants.some((g) => {
    if (g.role !== role) return false;
    switch (g.scopeType) {
      case 'self':
        return true;
      case 'region':
        return chain.regionId === undefined || g.scopeId === chain.regionId;
      case 'organization':
        return g.scopeId !== null && g.scopeId === chain.organizationId;
      case 'center':
        return g.scopeId !== null && g.scopeId === chain.centerId;
      case 'squad':
        return g.scopeId !== null && g.scopeId === chain.squadId;
      default:
        return false;
    }
  });
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthorized();
  return actor;
}

/**
 * Applies a policy decision. `hide` turns a refusal into "not found", so an outsider cannot learn that a
 * resource exists (used where the resource's existence is itself private).
 */
export function authorize(allowed: boolean, options: { hide?: boolean; what?: string } = {}): void {
  if (allowed) return;
  throw options.hide ? notFound(options.what) : forbidden();
}
