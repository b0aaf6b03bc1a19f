/** Rows → API shapes of the check-in feature. */
import type { DeskEntry, WalkIn } from '../../../shared/contracts/checkin.js';
import type { CheckinRepo } from './checkin.repo.js';
import { attendedHours } from './signups.presenter.js';
import type { ShiftContext } from './signups.repo.js';

type DeskRow = Awaited<ReturnType<CheckinRepo['deskRows']>>[number];
type WalkInRow = NonNullable<Awaited<ReturnType<CheckinRepo['walkIn']>>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toShiftBrief = (s: ShiftContext) => ({
  id: s.id,
  title: s.title,
  startsAt: s.starts_at.toISOString(),
  endsAt: s.ends_at.toISOString(),
  center: { id: s.center_id, name: s.center_name },
});

export const toDeskEntry = (r: DeskRow, shift: ShiftContext): DeskEntry => ({
  id: r.id,
  status: r.status,
  user: { id: r.user_id, displayName: r.display_name, email: r.email },
  role: r.role_id ? { id: r.role_id, name: r.role_name ?? '' } : null,
  checkedInAt: iso(r.checked_in_at),
  checkedOutAt: iso(r.checked_out_at),
  method: r.check_in_method,
  hours: r.status === 'attended' ? attendedHours(shift, r.checked_in_at, r.checked_out_at) : null,
});

export const toWalkIn = (r: WalkInRow, shift: ShiftContext): WalkIn => ({
  id: r.id,
  fullName: r.full_name,
  contact: r.contact,
  role: r.role_id ? { id: r.role_id, name: r.role_name ?? '' } : null,
  checkedInAt: r.checked_in_at.toISOString(),
  checkedOutAt: iso(r.checked_out_at),
  removedAt: iso(r.removed_at),
  hours: attendedHours(shift, r.checked_in_at, r.checked_out_at),
});
