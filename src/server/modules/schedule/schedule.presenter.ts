/** Output shape of the centre's week. */
import type { ScheduleShift } from '../../../shared/contracts/schedule.js';
import type { ScheduleRow } from './schedule.repo.js';

export const toShift = (r: ScheduleRow): ScheduleShift => ({
  id: r.id,
  opportunityId: r.opportunity_id,
  opportunityTitle: r.opportunity_title,
  opportunityStatus: r.opportunity_status,
  status: r.status,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  capacity: r.capacity,
  held: r.held,
  applied: r.applied,
  waitlisted: r.waitlisted,
  checkedIn: r.checked_in,
  noShows: r.no_shows,
});
