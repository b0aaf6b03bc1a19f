/** Who may do what with organizations: pure functions of (actor, resource). */
import { type Actor, holds } from '../../platform/auth/actor.js';

type Org = { id: string; region_id: string };

/** The regional operator sees the whole registry. */
export const canSeeRegistry = (actor: Actor, region: { id: string }) =>
  holds(actor, 'regional_admin', { regionId: region.id });

/** The operator, or a representative of this organization. */
export const canManageOrganization = (actor: Actor, org: Org) =>
  holds(actor, 'regional_admin', { regionId: org.region_id }) ||
  holds(actor, 'org_representative', { organizationId: org.id });

/** Any logged-in person may register an organization (and becomes its representative). */
export const canRegisterOrganization = (actor: Actor) => actor.kind === 'user';

/** Organizations an actor represents (their grants' scopes). */
export const representedOrganizations = (actor: Actor): string[] =>
  actor.kind === 'user'
    ? actor.grants.filter((g) => g.role === 'org_representative' && g.scopeId).map((g) => g.scopeId as string)
    : [];
