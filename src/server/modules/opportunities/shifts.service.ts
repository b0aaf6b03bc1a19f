/**
 * Shifts of an opportunity: one-off shifts with roles, recurring series expanded into shifts (one row per
 * occurrence date, unique on (series_id, occurrence_date)), and day templates stamped onto a date.
 *
 * Editing a series re-expands it from now on: future occurrences nobody has signed up for are moved,
 * resized or removed to match the new rule; booked ones (any signup that is not cancelled, or a walk-in)
 * are left exactly as they were, so nobody's confirmed time changes behind their back; past ones are
 * history. Every change of a shift's capacity or time locks the shift row `for update` first — the lock
 * every signup takes (lock order: volunteers, shift, role, rows) — and counts the places held under it.
 */
import type { Kysely } from 'kysely';
import type {
  CreateShiftBody,
  CreateTemplateBody,
  Opportunity,
  RoleInput,
  SeriesBody,
  SeriesResult,
  ShiftTemplate,
  UpdateShiftBody,
} from '../../../shared/contracts/opportunities.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import { type IfMatch, requireMatch } from '../../platform/http/etag.js';
import { canManageCenterOpportunities } from './opportunities.policy.js';
import type { OpportunitiesRepo } from './opportunities.repo.js';
import type { OpportunitiesService } from './opportunities.service.js';
import { expand, type RecurrenceRule, zonedInstant } from './recurrence.js';
import { createSeriesReplanner } from './series-replan.js';
import { withAfterCommit } from './shift-changes.js';

type Db = Kysely<Database>;
const MAX_SERIES_DAYS = 366;

function checkRoles(roles: RoleInput[], capacity: number, errors: FieldIssue[]) {
  const names = roles.map((r) => r.name.trim().toLowerCase());
  if (new Set(names).size !== names.length)
    errors.push({ field: 'roles', code: 'duplicate_role', message: 'Roles of a shift need distinct names.' });
  if (roles.reduce((n, r) => n + r.capacity, 0) > capacity)
    errors.push({
      field: 'roles',
      code: 'roles_over_capacity',
      message: 'Role places exceed the shift places.',
    });
}
const cleanRoles = (roles: RoleInput[] | undefined) =>
  (roles ?? []).map((r) => ({ name: r.name.normalize('NFC').trim(), capacity: r.capacity }));

export function createShiftsService(deps: {
  db: Db;
  repo: OpportunitiesRepo;
  opportunities: OpportunitiesService;
  clock: Clock;
}) {
  const { db, repo, opportunities, clock } = deps;
  const reexpand = createSeriesReplanner({ repo, clock });
  const { loadManaged, view, audit, shiftChanges } = opportunities;

  function toRule(body: SeriesBody, timeZone: string): RecurrenceRule {
    const errors: FieldIssue[] = [];
    const days = (Date.parse(body.until) - Date.parse(body.startsOn)) / 86_400_000;
    if (days < 0)
      errors.push({ field: 'until', code: 'range_reversed', message: 'The end is before the start.' });
    if (days > MAX_SERIES_DAYS)
      errors.push({
        field: 'until',
        code: 'series_too_long',
        message: 'A recurrence can last at most a year.',
      });
    if (body.frequency === 'weekly' && !body.weekdays?.length)
      errors.push({ field: 'weekdays', code: 'weekdays_required', message: 'Choose the days of the week.' });
    checkRoles(body.roles ?? [], body.capacity, errors);
    if (errors.length) throw invalid('series_invalid', 'Please check the recurrence rule.', errors);
    return {
      frequency: body.frequency,
      interval: body.interval ?? 1,
      weekdays: [...new Set(body.weekdays ?? [])].sort(),
      monthDay: body.frequency === 'monthly' ? (body.monthDay ?? Number(body.startsOn.slice(8, 10))) : null,
      startsOn: body.startsOn,
      until: body.until,
      startTime: body.startTime,
      durationMinutes: body.durationMinutes,
      timeZone,
    };
  }

  return {
    async createShift(actor: Actor, id: string, body: CreateShiftBody): Promise<Opportunity> {
      return db.transaction().execute(async (trx) => {
        const o = await loadManaged(actor, id, trx);
        const errors: FieldIssue[] = [];
        if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
          errors.push({
            field: 'endsAt',
            code: 'ends_before_start',
            message: 'The shift must end after it starts.',
          });
        checkRoles(body.roles ?? [], body.capacity, errors);
        if (errors.length) throw invalid('shift_invalid', 'Please check the shift.', errors);
        const shiftId = await repo.insertShift(
          {
            opportunity_id: o.id,
            starts_at: new Date(body.startsAt),
            ends_at: new Date(body.endsAt),
            capacity: body.capacity,
            is_demo: o.is_demo,
          },
          cleanRoles(body.roles),
          trx,
        );
        await audit(trx, actor, 'shift.created', o.id, {
          shiftId,
          startsAt: body.startsAt,
          capacity: body.capacity,
        });
        return view(actor, o.id, trx);
      });
    },

    async updateShift(
      actor: Actor,
      id: string,
      shiftId: string,
      body: UpdateShiftBody,
      ifMatch?: IfMatch,
    ): Promise<Opportunity> {
      return withAfterCommit(db, async (trx, after) => {
        const o = await loadManaged(actor, id, trx);
        // The signups' lock: places are counted with no signup half-way, and none lands until we commit.
        const shift = await repo.lockShift(o.id, shiftId, trx);
        if (!shift) throw notFound('shift');
        requireMatch(ifMatch, shift.version); // repo.updateShift moves the version
        const startsAt = body.startsAt ? new Date(body.startsAt) : shift.starts_at;
        const endsAt = body.endsAt ? new Date(body.endsAt) : shift.ends_at;
        if (endsAt <= startsAt)
          throw invalid('shift_invalid', 'Please check the shift.', [
            { field: 'endsAt', code: 'ends_before_start', message: 'The shift must end after it starts.' },
          ]);
        if (body.capacity !== undefined) {
          const taken = await repo.heldPlaces(shiftId, trx);
          if (body.capacity < taken)
            throw conflict('capacity_below_taken', `More people are already confirmed (${taken}).`, [
              {
                field: 'capacity',
                code: 'capacity_below_taken',
                message: `Already confirmed: ${taken}.`,
                params: { taken: String(taken) },
              },
            ]);
        }
        await repo.updateShift(
          shiftId,
          {
            starts_at: startsAt,
            ends_at: endsAt,
            ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
            ...(body.status ? { status: body.status } : {}),
          },
          trx,
        );
        await audit(trx, actor, body.status === 'cancelled' ? 'shift.cancelled' : 'shift.updated', o.id, {
          shiftId,
          ...body,
        });
        // The people on the shift are told in this transaction; their mail goes out after the commit.
        const actorId = actor.kind === 'user' ? actor.userId : null;
        const moved =
          startsAt.getTime() !== shift.starts_at.getTime() || endsAt.getTime() !== shift.ends_at.getTime();
        // calendar clients replace their copy of the event when its SEQUENCE goes up
        if (moved || (body.status !== undefined && body.status !== shift.status))
          await repo.bumpSequence({ shiftIds: [shiftId] }, trx);
        if (body.status === 'cancelled' && shift.status !== 'cancelled') {
          after.push(await shiftChanges.shiftCancelled(trx, { shiftId, actorId }));
        } else if (
          startsAt.getTime() !== shift.starts_at.getTime() ||
          endsAt.getTime() !== shift.ends_at.getTime()
        ) {
          after.push(
            await shiftChanges.shiftTimeChanged(trx, {
              shiftId,
              before: { startsAt: shift.starts_at, endsAt: shift.ends_at },
              actorId,
            }),
          );
        }
        return view(actor, o.id, trx);
      });
    },

    async createSeries(actor: Actor, id: string, body: SeriesBody): Promise<SeriesResult> {
      return db.transaction().execute(async (trx) => {
        const o = await loadManaged(actor, id, trx);
        const rule = toRule(body, o.timezone);
        if (!expand(rule).some((x) => x.startsAt > clock.now()))
          throw invalid('series_invalid', 'This rule makes no shift.', [
            { field: 'until', code: 'series_empty', message: 'This rule makes no shift.' },
          ]);
        const roles = cleanRoles(body.roles);
        const { id: seriesId } = await repo.insertSeries(
          {
            opportunity_id: o.id,
            frequency: rule.frequency,
            repeat_every: rule.interval,
            weekdays: rule.weekdays,
            month_day: rule.monthDay,
            starts_on: rule.startsOn,
            until: rule.until,
            start_time: rule.startTime,
            duration_minutes: rule.durationMinutes,
            capacity: body.capacity,
            roles: JSON.stringify(roles),
            time_zone: rule.timeZone,
          },
          trx,
        );
        const changes = await reexpand(trx, seriesId, o.id, rule, body.capacity, roles);
        await audit(trx, actor, 'shift_series.created', o.id, { seriesId, ...body, ...changes });
        return { opportunity: await view(actor, o.id, trx), changes };
      });
    },

    async updateSeries(
      actor: Actor,
      id: string,
      seriesId: string,
      body: SeriesBody,
      ifMatch?: IfMatch,
    ): Promise<SeriesResult> {
      return db.transaction().execute(async (trx) => {
        const o = await loadManaged(actor, id, trx);
        const series = await repo.findSeries(o.id, seriesId, trx);
        if (!series) throw notFound('series');
        await beginEdit(trx, 'shift_series', { value: seriesId }, ifMatch, 'series');
        const rule = toRule(body, series.time_zone);
        const roles = cleanRoles(body.roles);
        await repo.updateSeries(
          seriesId,
          {
            frequency: rule.frequency,
            repeat_every: rule.interval,
            weekdays: rule.weekdays,
            month_day: rule.monthDay,
            starts_on: rule.startsOn,
            until: rule.until,
            start_time: rule.startTime,
            duration_minutes: rule.durationMinutes,
            capacity: body.capacity,
            roles: JSON.stringify(roles),
            updated_at: clock.now(),
          },
          trx,
        );
        const changes = await reexpand(trx, seriesId, o.id, rule, body.capacity, roles);
        await audit(trx, actor, 'shift_series.updated', o.id, { seriesId, ...body, ...changes });
        return { opportunity: await view(actor, o.id, trx), changes };
      });
    },

    async templates(actor: Actor, centerId: string): Promise<{ items: ShiftTemplate[] }> {
      requireUser(actor);
      const center = await repo.center(centerId);
      if (!center) throw notFound('centre');
      authorize(canManageCenterOpportunities(actor, { centerId, regionId: center.region_id }));
      const rows = await repo.templates(centerId);
      return { items: rows.map((t) => ({ id: t.id, name: t.name, slots: t.slots })) };
    },

    async createTemplate(actor: Actor, centerId: string, body: CreateTemplateBody): Promise<ShiftTemplate> {
      requireUser(actor);
      const center = await repo.center(centerId);
      if (!center) throw notFound('centre');
      authorize(canManageCenterOpportunities(actor, { centerId, regionId: center.region_id }));
      const errors: FieldIssue[] = [];
      for (const s of body.slots) checkRoles(s.roles ?? [], s.capacity, errors);
      if (errors.length) throw invalid('template_invalid', 'Please check the shift template.', errors);
      const slots = body.slots.map((s) => ({ ...s, roles: cleanRoles(s.roles) }));
      return db.transaction().execute(async (trx) => {
        const row = await repo
          .insertTemplate({ center_id: centerId, name: body.name.trim(), slots: JSON.stringify(slots) }, trx)
          .catch((error: unknown) => {
            if ((error as { code?: string }).code === '23505')
              throw conflict('template_name_taken', 'A template with this name already exists.', [
                { field: 'name', code: 'template_name_taken', message: 'This name is taken.' },
              ]);
            throw error;
          });
        await audit(trx, actor, 'shift_template.created', row.id, { centerId, name: row.name });
        return { id: row.id, name: row.name, slots: row.slots };
      });
    },

    /** Creates the template's shifts on `date` (local times; an end at or before the start is next day). */
    async stampTemplate(actor: Actor, id: string, templateId: string, date: string): Promise<Opportunity> {
      return db.transaction().execute(async (trx) => {
        const o = await loadManaged(actor, id, trx);
        const template = await repo.findTemplate(templateId, trx);
        if (!template || template.center_id !== o.center_id) throw notFound('template');
        const created: string[] = [];
        for (const slot of template.slots) {
          const startsAt = zonedInstant(date, slot.start, o.timezone);
          let endsAt = zonedInstant(date, slot.end, o.timezone);
          if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 86_400_000);
          created.push(
            await repo.insertShift(
              {
                opportunity_id: o.id,
                starts_at: startsAt,
                ends_at: endsAt,
                capacity: slot.capacity,
                is_demo: o.is_demo,
              },
              slot.roles ?? [],
              trx,
            ),
          );
        }
        await audit(trx, actor, 'shift_template.stamped', o.id, { templateId, date, shiftIds: created });
        return view(actor, o.id, trx);
      });
    },
  };
}
export type ShiftsService = ReturnType<typeof createShiftsService>;
