/** Rows → API shapes. */
import type { RosterEntry, RosterWalkIn, Signup, Swap } from '../../../shared/contracts/signups.js';
import type { SignupsRepo } from './signups.repo.js';
import type { SwapView } from './swaps.repo.js';

type MineRow = Awaited<ReturnType<SignupsRepo['views']>>[number];
type RosterRow = Awaited<ReturnType<SignupsRepo['roster']>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Attended hours: check-out minus check-in when both are known, else the shift's length. */
export function attendedHours(
  shift: { starts_at: Date; ends_at: Date },
  checkedInAt: Date | null,
  checkedOutAt: Date | null,
): number {
  const ms =
    checkedInAt && checkedOutAt
      ? checkedOutAt.getTime() - checkedInAt.getTime()
      : shift.ends_at.getTime() - shift.starts_at.getTime();
  return Math.round((ms / 3_600_000) * 100) / 100;
}

export const toSignup = (r: MineRow): Signup => ({
  id: r.id,
  status: r.status,
  offeredUntil: iso(r.offered_until),
  cancelledBy: r.cancelled_by,
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
  checkedInAt: iso(r.checked_in_at),
  checkedOutAt: iso(r.checked_out_at),
  hours: r.status === 'attended' ? attendedHours(r, r.checked_in_at, r.checked_out_at) : null,
  role: r.role_id ? { id: r.role_id, name: r.role_name ?? '' } : null,
  shift: {
    id: r.shift_id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.shift_status,
    opportunity: { id: r.opportunity_id, title: r.title },
    center: { id: r.center_id, name: r.center_name },
  },
});

export const toRosterEntry = (r: RosterRow): RosterEntry => ({
  id: r.id,
  status: r.status,
  user: { id: r.user_id, displayName: r.display_name, email: r.email },
  role: r.role_id ? { id: r.role_id, name: r.role_name ?? '' } : null,
  offeredUntil: iso(r.offered_until),
  cancelledBy: r.cancelled_by,
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
});

type WalkInRow = Awaited<ReturnType<SignupsRepo['walkIns']>>[number];
export const toRosterWalkIn = (w: WalkInRow): RosterWalkIn => ({
  id: w.id,
  fullName: w.full_name,
  contact: w.contact,
  role: w.role_id ? { id: w.role_id, name: w.role_name ?? '' } : null,
  checkedInAt: w.checked_in_at.toISOString(),
  checkedOutAt: iso(w.checked_out_at),
});

/**
 * A swap offer as `viewerId` sees it. To the offerer a declined offer is still pending (a decline would
 * tell that the address has an account), and the person is named only once they accepted.
 */
export const toSwap = (r: SwapView, shift: Signup['shift'], viewerId: string): Swap => ({
  id: r.id,
  status: r.status === 'declined' && r.from_user_id === viewerId ? 'pending' : r.status,
  signupId: r.signup_id,
  from: { id: r.from_user_id, displayName: r.from_name },
  to: { email: r.to_email, displayName: r.status === 'accepted' ? r.to_name : null },
  shift,
  createdAt: r.created_at.toISOString(),
});
