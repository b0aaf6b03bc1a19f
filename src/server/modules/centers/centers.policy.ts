/** Who may see and change a centre's status. */
import { type Actor, holds } from '../../platform/auth/actor.js';

type CenterScope = { id: string; organization_id: string; region_id: string };

/** Status decisions belong to the regional operator only; a coordinator cannot suspend, reopen or close. */
export const canChangeCenterStatus = (actor: Actor, center: CenterScope) =>
  holds(actor, 'regional_admin', { regionId: center.region_id });

/** The history (with reasons) is for the operator and the centre's own coordinators. */
export const canSeeCenterHistory = (actor: Actor, center: CenterScope) =>
  canChangeCenterStatus(actor, center) || holds(actor, 'center_coordinator', { centerId: center.id });

/** The public profile (services, hours, contacts, description) is kept by the centre and the operator. */
export const canEditCenterProfile = (actor: Actor, center: CenterScope) =>
  canChangeCenterStatus(actor, center) || holds(actor, 'center_coordinator', { centerId: center.id });
