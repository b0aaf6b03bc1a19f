/**
 * A centre's week for its coordinators: every shift of its opportunities, day by day on the region's
 * clock, with places taken, approvals and waitlist waiting, arrivals and no-shows.
 */
import type { Schedule, ScheduleShift } from '../../../shared/contracts/schedule.js';
import { addDays, zonedInstant, zonedParts } from '../../../shared/time-zone.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { canManageCenterOpportunities } from '../opportunities/index.js';
import { toShift } from './schedule.presenter.js';
import type { ScheduleRepo } from './schedule.repo.js';

export function createScheduleService(deps: { repo: ScheduleRepo; clock: Clock }) {
  const { repo, clock } = deps;
  return {
    async forCenter(actor: Actor, centerId: string, q: { from?: string; days?: number }): Promise<Schedule> {
      requireUser(actor);
      const center = await repo.center(centerId);
      if (!center) throw notFound('centre');
      authorize(canManageCenterOpportunities(actor, { centerId, regionId: center.region_id }));
      const timeZone = center.timezone;
      const days = q.days ?? 7;
      const from = q.from ?? zonedParts(clock.now(), timeZone).date;
      const to = addDays(from, days - 1);
      const rows = await repo.shifts(
        centerId,
        zonedInstant(from, '00:00', timeZone),
        zonedInstant(addDays(from, days), '00:00', timeZone),
      );
      const byDay = new Map<string, ScheduleShift[]>();
      for (let i = 0; i < days; i++) byDay.set(addDays(from, i), []);
      for (const r of rows) byDay.get(zonedParts(r.starts_at, timeZone).date)?.push(toShift(r));
      const live = rows.filter((r) => r.status !== 'cancelled');
      const sum = (k: 'capacity' | 'held' | 'applied' | 'waitlisted' | 'checked_in' | 'no_shows') =>
        live.reduce((n, r) => n + r[k], 0);
      return {
        center: { id: center.id, name: center.name },
        timeZone,
        from,
        to,
        days: [...byDay].map(([date, shifts]) => ({ date, shifts })),
        totals: {
          shifts: live.length,
          capacity: sum('capacity'),
          held: sum('held'),
          applied: sum('applied'),
          waitlisted: sum('waitlisted'),
          checkedIn: sum('checked_in'),
          noShows: sum('no_shows'),
        },
      };
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
