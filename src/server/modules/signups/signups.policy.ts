/** Who may see a shift and decide on signups: the shift's centre coordinators and the region's operator. */
import { type Actor, holds } from '../../platform/auth/actor.js';

type ShiftScope = { center_id: string; organization_id: string; region_id: string };

/** Approve, decline, assign, mark attendance, message, see and export the roster. */
export const canCoordinate = (actor: Actor, shift: ShiftScope) =>
  holds(actor, 'regional_admin', { regionId: shift.region_id }) ||
  holds(actor, 'center_coordinator', { centerId: shift.center_id });

/** A volunteer acts on their own signups only (accept or pass an offer, cancel, offer a swap). */
export const isOwner = (actor: Actor, signup: { user_id: string }) =>
  actor.kind === 'user' && actor.userId === signup.user_id;

/**
 * Whether the shift exists for the actor: a shift of a published opportunity of an active centre for
 * everyone, any other only for those who manage it — the same rule as the opportunity's own page, so a
 * draft's shift answers 404 to outsiders exactly as a missing one.
 */
export const canSeeShift = (
  actor: Actor,
  shift: ShiftScope & { opportunity_status: string; center_status: string },
) =>
  (shift.opportunity_status === 'published' && shift.center_status === 'active') ||
  canCoordinate(actor, shift);

/** Whether a shift takes new places: scheduled, of a published opportunity of an active centre. */
export const isOpenForSignups = (shift: {
  status: string;
  opportunity_status: string;
  center_status: string;
}) =>
  shift.status === 'scheduled' &&
  shift.opportunity_status === 'published' &&
  shift.center_status === 'active';
