/** Who may decide on signups: the shift's centre coordinators and the region's operator. */
import { type Actor, holds } from '../../platform/auth/actor.js';

type ShiftScope = { center_id: string; organization_id: string; region_id: string };

/** Approve, decline, assign, mark attendance, message, see and export the roster. */
export const canCoordinate = (actor: Actor, shift: ShiftScope) =>
  holds(actor, 'regional_admin', { regionId: shift.region_id }) ||
  holds(actor, 'center_coordinator', { centerId: shift.center_id });

/** A volunteer acts on their own signups only (accept or pass an offer, cancel, offer a swap). */
export const isOwner = (actor: Actor, signup: { user_id: string }) =>
  actor.kind === 'user' && actor.userId === signup.user_id;
