/** Who may see and edit the rollout plan and the dashboard. */
import { type Actor, holds } from '../../platform/auth/actor.js';

/** The plan, its history and the dashboard belong to the region's operator. */
export const canManagePlan = (actor: Actor, region: { id: string }) =>
  holds(actor, 'regional_admin', { regionId: region.id });
