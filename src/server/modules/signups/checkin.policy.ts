/** Who may run a shift's check-in: show its QR code, rotate it, open the desk, add walk-ups. */
import type { Actor } from '../../platform/auth/actor.js';
import { canCoordinate } from './signups.policy.js';

/** The coordinators of the shift's centre and the region's operator (as for the roster). */
export const canRunCheckin = (
  actor: Actor,
  shift: { center_id: string; organization_id: string; region_id: string },
) => canCoordinate(actor, shift);
