/**
 * Opportunities: the public catalogue (search, details) and what a centre's coordinators and the
 * operator do with their centre's opportunities. Shifts, series and templates: shifts.service.ts.
 */
import type { Kysely } from 'kysely';
import { ageOn } from '../../../shared/age.js';
import type {
  CreateOpportunityBody,
  Opportunity,
  SearchQuery,
  SearchResult,
  UpdateOpportunityBody,
} from '../../../shared/contracts/opportunities.js';
import { addDays, localDay } from '../../../shared/time-zone.js';
import type { AuditAction, AuditData, AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import { canManageCenterOpportunities, canSeeOpportunity, STATUS_MOVES } from './opportunities.policy.js';
import { toOpportunityView, toPartnerCandidate } from './opportunities.presenter.js';
import type { OpportunitiesRepo, OpportunityRow } from './opportunities.repo.js';
import { zonedInstant } from './recurrence.js';
import { searchOpportunities } from './search.repo.js';
import {
  ignoreShiftChanges,
  placeMoved,
  type ShiftChangeListener,
  withAfterCommit,
} from './shift-changes.js';

type Db = Kysely<Database>;
type Fields = Partial<Omit<UpdateOpportunityBody, 'status'>>;

const clean = (s: string | null | undefined) =>
  s === undefined
    ? undefined
    : s === null
      ? null
      : s
          .normalize('NFC')
          .trim()
          .replace(/[ \t]+/g, ' ') || null;

export function createOpportunitiesService(deps: {
  db: Db;
  repo: OpportunitiesRepo;
  clock: Clock;
  audit: AuditWriter;
  shiftChanges?: ShiftChangeListener;
}) {
  const { db, repo, clock } = deps;
  const shiftChanges = deps.shiftChanges ?? ignoreShiftChanges;

  /** Opportunity, shift, series and template actions, all recorded on the opportunity's kind of record. */
  const audit = (trx: Db, actor: Actor, action: AuditAction<'opportunity'>, id: string, data: AuditData) =>
    deps.audit.record(trx, {
      actorId: actor.kind === 'user' ? actor.userId : null,
      action,
      target: 'opportunity',
      targetId: id,
      data,
    });

  /** The opportunity, if the actor may see it (otherwise "not found", so drafts stay private). */
  async function load(actor: Actor, id: string, trx: Db = db) {
    const o = await repo.find(id, trx);
    const scope = o && {
      centerId: o.center_id,
      regionId: o.region_id,
      status: o.status,
      centerStatus: o.center_status,
    };
    if (!o || !scope || !canSeeOpportunity(actor, scope)) throw notFound('opportunity');
    return { o, canManage: canManageCenterOpportunities(actor, scope) };
  }

  /** The opportunity, if the actor manages it (outsiders get "not found" for drafts, 403 otherwise). */
  async function loadManaged(actor: Actor, id: string, trx: Db = db): Promise<OpportunityRow> {
    requireUser(actor);
    const { o, canManage } = await load(actor, id, trx);
    authorize(canManage);
    return o;
  }

  async function view(actor: Actor, id: string, trx: Db = db): Promise<Opportunity> {
    const { o, canManage } = await load(actor, id, trx);
    // The public sees upcoming shifts; managers see the last month too.
    const from = new Date(clock.now().getTime() - (canManage ? 31 : 0) * 86_400_000);
    const [shifts, series] = await Promise.all([
      repo.shifts(o.id, from, trx),
      canManage ? repo.series(o.id, trx) : Promise.resolve([]),
    ]);
    return toOpportunityView(o, shifts, series, canManage);
  }

  async function validate(trx: Db, regionId: string, f: Fields, current?: OpportunityRow) {
    const errors: FieldIssue[] = [];
    if (f.title !== undefined && !clean(f.title))
      errors.push({ field: 'title', code: 'required', message: 'Fill in the title.' });
    if (f.category && !(await repo.categoryExists(f.category, trx)))
      errors.push({ field: 'category', code: 'unknown_category', message: 'Unknown category.' });
    if (f.municipalityId && !(await repo.municipalityInRegion(f.municipalityId, regionId, trx)))
      errors.push({
        field: 'municipalityId',
        code: 'municipality_not_in_force',
        message: 'No such municipality in force in the region.',
      });
    if (f.partnerOrganizationId && !(await repo.organizationInRegion(f.partnerOrganizationId, regionId, trx)))
      errors.push({
        field: 'partnerOrganizationId',
        code: 'unknown_organization',
        message: 'Unknown organization.',
      });
    const lat = f.lat !== undefined ? f.lat : (current?.lat ?? null);
    const lon = f.lon !== undefined ? f.lon : (current?.lon ?? null);
    if ((lat === null) !== (lon === null))
      errors.push({ field: 'lat', code: 'point_incomplete', message: 'Give both latitude and longitude.' });
    for (const code of await repo.unknownSkills(f.requiredSkills ?? [], trx))
      errors.push({
        field: 'requiredSkills',
        code: 'unknown_skill',
        message: `Unknown skill "${code}".`,
        params: { code },
      });
    if (errors.length) throw invalid('opportunity_invalid', 'Please check the opportunity fields.', errors);
  }

  const columns = (f: Fields) => ({
    ...(f.title !== undefined ? { title: clean(f.title) as string } : {}),
    ...(f.description !== undefined ? { description: f.description.normalize('NFC').trim() } : {}),
    ...(f.category !== undefined ? { category: f.category } : {}),
    ...(f.projectTags !== undefined
      ? { project_tags: [...new Set(f.projectTags.map((t) => clean(t) as string))] }
      : {}),
    ...(f.municipalityId !== undefined ? { municipality_id: f.municipalityId } : {}),
    ...(f.address !== undefined ? { address: clean(f.address) } : {}),
    ...(f.lat !== undefined ? { lat: f.lat } : {}),
    ...(f.lon !== undefined ? { lon: f.lon } : {}),
    ...(f.isOnline !== undefined ? { is_online: f.isOnline } : {}),
    ...(f.contact !== undefined ? { contact: clean(f.contact) } : {}),
    ...(f.minAge !== undefined ? { min_age: f.minAge } : {}),
    ...(f.requiredSkills !== undefined ? { required_skills: [...new Set(f.requiredSkills)] } : {}),
    ...(f.signupMode !== undefined ? { signup_mode: f.signupMode } : {}),
  });

  return {
    view,
    load,
    loadManaged,
    audit,
    shiftChanges,

    categories: async () => ({
      items: (await repo.categories()).map((c) => ({ code: c.code, nameRu: c.name_ru, nameEn: c.name_en })),
    }),

    async search(actor: Actor, q: SearchQuery, timeZone: string): Promise<SearchResult> {
      const now = clock.now();
      const today = localDay(now, timeZone);
      const errors: FieldIssue[] = [];
      if ((q.lat === undefined) !== (q.lon === undefined))
        errors.push({ field: 'lat', code: 'point_incomplete', message: 'Give both latitude and longitude.' });
      if ((q.sort === 'distance' || q.radiusKm !== undefined) && q.lat === undefined)
        errors.push({
          field: 'lat',
          code: 'point_required',
          message: 'Searching near a place needs the place.',
        });
      if (q.from && q.to && q.to < q.from)
        errors.push({
          field: 'to',
          code: 'range_reversed',
          message: 'The end date is before the start date.',
        });
      let age = q.age;
      if (q.forMyAge) {
        const user = requireUser(actor);
        const birth = await repo.birthDate(user.userId);
        if (!birth)
          errors.push({ field: 'forMyAge', code: 'birth_date_unknown', message: 'Fill in your birth date.' });
        else age = ageOn(birth, today);
      }
      if (errors.length) throw invalid('search_invalid', 'Please check the search filters.', errors);
      const fromDay = q.from && q.from > today ? zonedInstant(q.from, '00:00', timeZone) : now;
      const limit = q.limit ?? 20;
      const offset = q.offset ?? 0;
      const { rows, total, totalCapped } = await searchOpportunities(db, {
        q: q.q,
        centerId: q.centerId,
        municipalityId: q.municipalityId,
        category: q.category,
        skill: q.skill,
        now,
        from: fromDay,
        to: q.to ? zonedInstant(addDays(q.to, 1), '00:00', timeZone) : undefined,
        age,
        freeOnly: q.freeOnly,
        point: q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : undefined,
        radiusKm: q.radiusKm,
        sort: q.sort ?? (q.q ? 'relevance' : 'start'),
        limit,
        offset,
      });
      return {
        total,
        totalCapped,
        limit,
        offset,
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          snippet: r.snippet,
          center: { id: r.center_id, name: r.center_name },
          category:
            r.category && r.category_ru
              ? { code: r.category, nameRu: r.category_ru, nameEn: r.category_en ?? r.category_ru }
              : null,
          municipality:
            r.municipality_id && r.municipality_ru
              ? {
                  id: r.municipality_id,
                  nameRu: r.municipality_ru,
                  nameEn: r.municipality_en ?? r.municipality_ru,
                }
              : null,
          address: r.address,
          lat: r.lat,
          lon: r.lon,
          isOnline: r.is_online,
          minAge: r.min_age,
          nextShiftAt: new Date(r.next_shift_at).toISOString(),
          shiftCount: r.shift_count,
          freePlaces: r.free_places,
          distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10,
        })),
      };
    },

    /** Organizations the centre may name as a partner: the region's registry, searched by name or INN. */
    async partnerCandidates(actor: Actor, centerId: string, q: string | undefined) {
      requireUser(actor);
      const center = await repo.center(centerId);
      if (!center) throw notFound('centre');
      authorize(canManageCenterOpportunities(actor, { centerId, regionId: center.region_id }));
      return { items: (await repo.partnerCandidates(center.region_id, q ?? '')).map(toPartnerCandidate) };
    },

    async listForCenter(actor: Actor, centerId: string) {
      requireUser(actor);
      const center = await repo.center(centerId);
      if (!center) throw notFound('centre');
      authorize(canManageCenterOpportunities(actor, { centerId, regionId: center.region_id }));
      const rows = await repo.listForCenter(centerId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          nextShiftAt: r.next_shift_at ? new Date(r.next_shift_at).toISOString() : null,
          updatedAt: r.updated_at.toISOString(),
        })),
      };
    },

    async create(actor: Actor, centerId: string, body: CreateOpportunityBody): Promise<Opportunity> {
      const user = requireUser(actor);
      const center = await repo.center(centerId);
      if (!center) throw notFound('centre');
      authorize(canManageCenterOpportunities(actor, { centerId, regionId: center.region_id }));
      return db.transaction().execute(async (trx) => {
        await validate(trx, center.region_id, body);
        const now = clock.now();
        const { id } = await repo.insert(
          {
            center_id: centerId,
            status: 'draft',
            description: '',
            municipality_id: center.municipality_id,
            ...columns(body),
            title: clean(body.title) as string,
            partner_organization_id: body.partnerOrganizationId ?? null,
            partner_approved_by: body.partnerOrganizationId ? user.userId : null,
            partner_approved_at: body.partnerOrganizationId ? now : null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
        await audit(trx, actor, 'opportunity.created', id, { centerId, title: body.title });
        return view(actor, id, trx);
      });
    },

    async update(
      actor: Actor,
      id: string,
      body: UpdateOpportunityBody,
      ifMatch?: IfMatch,
    ): Promise<Opportunity> {
      const user = requireUser(actor);
      return withAfterCommit(db, async (trx, after) => {
        const o = await loadManaged(actor, id, trx);
        await beginEdit(trx, 'opportunities', { value: id }, ifMatch, 'opportunity');
        await validate(trx, o.region_id, body, o);
        if (body.status && body.status !== o.status && !STATUS_MOVES[o.status]?.includes(body.status))
          throw conflict(
            'status_move_refused',
            `An opportunity cannot go from ${o.status} to ${body.status}.`,
            [
              {
                field: 'status',
                code: 'status_move_refused',
                message: `Not from ${o.status} to ${body.status}.`,
                params: { from: o.status, to: body.status },
              },
            ],
          );
        const partnerChanged =
          body.partnerOrganizationId !== undefined &&
          body.partnerOrganizationId !== o.partner_organization_id;
        await repo.update(
          id,
          {
            ...columns(body),
            ...(body.status ? { status: body.status } : {}),
            ...(partnerChanged
              ? {
                  partner_organization_id: body.partnerOrganizationId,
                  partner_approved_by: body.partnerOrganizationId ? user.userId : null,
                  partner_approved_at: body.partnerOrganizationId ? clock.now() : null,
                }
              : {}),
            updated_at: clock.now(),
          },
          trx,
        );
        await audit(
          trx,
          actor,
          body.status && body.status !== o.status ? `opportunity.${body.status}` : 'opportunity.updated',
          id,
          {
            fields: Object.keys(body),
            ...(body.status ? { from: o.status, to: body.status } : {}),
          },
        );
        const change = { opportunityId: id, actorId: user.userId };
        const cancelled = body.status === 'cancelled' && o.status !== 'cancelled';
        const moved = placeMoved(o, columns(body));
        // the iCalendar SEQUENCE of its shifts: calendar clients take the new place or the cancellation
        if (cancelled || moved) await repo.bumpSequence({ opportunityId: id }, trx);
        if (cancelled) {
          after.push(await shiftChanges.opportunityCancelled(trx, change));
        } else if (moved) {
          after.push(await shiftChanges.placeChanged(trx, change));
        }
        return view(actor, id, trx);
      });
    },
  };
}
export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
