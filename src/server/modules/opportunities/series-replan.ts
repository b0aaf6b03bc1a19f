/**
 * Re-planning a recurring series: its future shifts nobody holds a place on follow the rule (moved,
 * resized, given new roles, removed, or added), booked ones stay exactly as they were, and so do cancelled
 * ones (a day called off stays off); the answer counts
 * what happened. The caller has the series' edit transaction; every shift is locked first, like a signup
 * locks it, so "booked" is decided with no signup in flight.
 */
import type { Kysely } from 'kysely';
import type { RoleInput, SeriesChanges } from '../../../shared/contracts/opportunities.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { OpportunitiesRepo } from './opportunities.repo.js';
import { expand, type RecurrenceRule } from './recurrence.js';

type Db = Kysely<Database>;

/** A shift's roles as one comparable value (order does not matter). */
const roleKey = (roles: readonly RoleInput[]) =>
  roles
    .map((r) => JSON.stringify([r.name, r.capacity]))
    .sort()
    .join();

export function createSeriesReplanner(deps: { repo: OpportunitiesRepo; clock: Clock }) {
  const { repo, clock } = deps;
  /**
   * Brings the series' shifts in line with its rule from now on and counts what that did. Inserts use ON
   * CONFLICT on (series_id, occurrence_date), so running it twice never duplicates an occurrence. A shift
   * is only written (and its version moved) when something about it changes.
   */
  async function reexpand(
    trx: Db,
    seriesId: string,
    opportunityId: string,
    rule: RecurrenceRule,
    capacity: number,
    roles: RoleInput[],
  ): Promise<SeriesChanges> {
    const now = clock.now();
    const wanted = new Map(
      expand(rule)
        .filter((o) => o.startsAt > now)
        .map((o) => [o.date, o]),
    );
    // Locked like a signup locks its shift, so "booked" is decided with no signup in flight.
    const existing = await repo.lockFutureSeriesShifts(seriesId, now, trx);
    const ids = existing.map((s) => s.id);
    const booked = await repo.bookedShiftIds(ids, trx);
    const rolesNow = new Map<string, RoleInput[]>();
    for (const r of await repo.rolesOfShifts(ids, trx))
      rolesNow.set(r.shift_id, [...(rolesNow.get(r.shift_id) ?? []), r]);
    const wantedRoles = roleKey(roles);
    const stale: string[] = [];
    const changes: SeriesChanges = { added: 0, removed: 0, moved: 0, changed: 0, keptBooked: 0 };
    for (const s of existing) {
      // A cancelled occurrence stays cancelled: its people were told, and a rule edit is no reason to
      // bring back a day the coordinator called off (it still keeps its date from being added again).
      if (s.status === 'cancelled') continue;
      if (booked.has(s.id)) {
        changes.keptBooked += 1;
        continue;
      }
      const occurrence = s.occurrence_date ? wanted.get(s.occurrence_date) : undefined;
      if (!occurrence) {
        stale.push(s.id);
        continue;
      }
      const moved =
        s.starts_at.getTime() !== occurrence.startsAt.getTime() ||
        s.ends_at.getTime() !== occurrence.endsAt.getTime();
      const resized = s.capacity !== capacity;
      const newRoles = roleKey(rolesNow.get(s.id) ?? []) !== wantedRoles;
      if (moved || resized)
        await repo.updateShift(
          s.id,
          { starts_at: occurrence.startsAt, ends_at: occurrence.endsAt, capacity },
          trx,
        );
      // calendar clients replace their copy of the event when its SEQUENCE goes up
      if (moved) await repo.bumpSequence({ shiftIds: [s.id] }, trx);
      if (newRoles) await repo.replaceRoles(s.id, roles, trx);
      if (moved) changes.moved += 1;
      else if (resized || newRoles) changes.changed += 1;
    }
    await repo.deleteShifts(stale, trx);
    changes.removed = stale.length;
    const present = new Set(existing.map((s) => s.occurrence_date));
    for (const [date, o] of wanted) {
      if (present.has(date)) continue;
      const inserted = await repo.insertSeriesShift(
        {
          opportunity_id: opportunityId,
          series_id: seriesId,
          occurrence_date: date,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          capacity,
        },
        trx,
      );
      if (inserted) {
        changes.added += 1;
        if (roles.length) await repo.replaceRoles(inserted.id, roles, trx);
      }
    }
    return changes;
  }
  return reexpand;
}
