/** Who may keep a centre's work log and who runs monitoring. The public sees nothing of either. */
import { type Actor, holds } from '../../platform/auth/actor.js';

type CenterScope = { id: string; region_id: string };

export const isRegionalOperator = (actor: Actor, regionId: string) =>
  holds(actor, 'regional_admin', { regionId });

/** The centre's own coordinators and the regional operator see and edit the centre's work log. */
export const canKeepWorkLog = (actor: Actor, center: CenterScope) =>
  isRegionalOperator(actor, center.region_id) || holds(actor, 'center_coordinator', { centerId: center.id });

/** A centre's monitoring history: its coordinators (closed rounds) and the operator (all rounds). */
export const canSeeCenterMonitoring = canKeepWorkLog;

/** Only the regional operator opens and closes rounds and enters scores. */
export const canRunMonitoring = (actor: Actor, regionId: string) => isRegionalOperator(actor, regionId);
