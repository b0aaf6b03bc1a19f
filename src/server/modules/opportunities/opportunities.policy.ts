/** Who may do what with opportunities: pure functions of (actor, resource). */
import { type Actor, holds } from '../../platform/auth/actor.js';

type CenterScope = { centerId: string; regionId: string };
type Visible = { status: string; centerStatus: string };

/** The centre's coordinators and the region's operator manage its opportunities, shifts and templates. */
export const canManageCenterOpportunities = (actor: Actor, scope: CenterScope) =>
  holds(actor, 'regional_admin', { regionId: scope.regionId }) ||
  holds(actor, 'center_coordinator', { centerId: scope.centerId });

/** Everyone sees published opportunities of active centres; drafts and the rest only their managers. */
export const isPublic = (o: Visible) => o.status === 'published' && o.centerStatus === 'active';

export const canSeeOpportunity = (actor: Actor, o: Visible & CenterScope) =>
  isPublic(o) || canManageCenterOpportunities(actor, o);

/** Status changes a manager may make; `completed` and `cancelled` are final. */
export const STATUS_MOVES: Record<string, readonly string[]> = {
  draft: ['published', 'cancelled'],
  published: ['draft', 'cancelled', 'completed'],
  cancelled: [],
  completed: [],
};
