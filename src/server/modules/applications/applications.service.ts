/**
 * Applications for «Добро.Центр» status: the applicant's draft (create, edit), the operator's queue and
 * management fields. Transitions and documents are in their own files; this object puts them together.
 */

import type { Kysely } from 'kysely';
import type {
  ApplicationListQuery,
  CreateApplicationBody,
  ManageApplicationBody,
  UpdateApplicationBody,
} from '../../../shared/contracts/applications.js';
import { type Actor, authorize, holds, requireUser } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import { type ApplicationsDeps, createApplicationsContext } from './applications.context.js';
import { createDocumentUseCases } from './applications.documents.js';
import { canApplyFor, canEditApplication, canReviewApplication, isApplicant } from './applications.policy.js';
import { toSummary } from './applications.presenter.js';
import type { ApplicationUpdate, ListFilters } from './applications.repo.js';
import { createTransitionUseCases } from './applications.transitions.js';

type Editable = UpdateApplicationBody;

const clean = (s: string | null | undefined) =>
  s === undefined ? undefined : s?.normalize('NFC').trim() || null;

/** The columns an edit sets (only the fields present in the body). */
function editColumns(body: Editable): ApplicationUpdate {
  const v: ApplicationUpdate = {};
  if (body.municipalityId !== undefined) v.municipality_id = body.municipalityId;
  if (body.proposedName !== undefined) v.proposed_name = clean(body.proposedName);
  if (body.premises) {
    const p = body.premises;
    if (p.address !== undefined) v.premises_address = clean(p.address);
    if (p.description !== undefined) v.premises_description = clean(p.description);
    if (p.lat !== undefined) v.premises_lat = p.lat;
    if (p.lon !== undefined) v.premises_lon = p.lon;
  }
  if (body.services !== undefined) v.services = body.services;
  if (body.head) {
    const h = body.head;
    if (h.name !== undefined) v.head_name = clean(h.name);
    if (h.position !== undefined) v.head_position = clean(h.position);
    if (h.phone !== undefined) v.head_phone = clean(h.phone);
    if (h.email !== undefined) v.head_email = clean(h.email)?.toLowerCase() ?? null;
  }
  if (body.coordinators !== undefined) {
    v.coordinators = JSON.stringify(
      body.coordinators.map((c) => ({
        name: clean(c.name) ?? '',
        email: clean(c.email)?.toLowerCase() ?? null,
        phone: clean(c.phone) ?? null,
      })),
    );
  }
  return v;
}

export function createApplicationsService(deps: ApplicationsDeps) {
  const ctx = createApplicationsContext(deps);
  const { db, repo, network } = ctx;

  async function checkReferences(trx: Kysely<Database>, regionId: string, body: Editable, day: string) {
    if (body.municipalityId !== undefined) {
      if (!(await repo.municipalityInForce(body.municipalityId, regionId, day, trx))) {
        throw invalid('municipality_not_in_force', 'No such municipality in force in the region.', [
          { field: 'municipalityId', code: 'municipality_not_in_force', message: 'No such municipality.' },
        ]);
      }
    }
    if (body.services && body.services.length > 0) {
      const known = await repo.activeServiceKinds(body.services, trx);
      const unknown = body.services.filter((s) => !known.includes(s));
      if (unknown.length > 0) {
        throw invalid(
          'unknown_service_kind',
          'No such service in the list.',
          unknown.map((code) => ({
            field: `services.${body.services?.indexOf(code)}`,
            code: 'unknown_service_kind',
            message: `Unknown service: ${code}.`,
          })),
        );
      }
    }
  }

  async function listScoped(actor: Actor, query: ApplicationListQuery, mineOnly: boolean) {
    const user = requireUser(actor);
    const region = await network.currentRegion();
    const day = await ctx.today();
    const organizationIds = user.grants
      .filter((g) => g.role === 'org_representative' && g.scopeId)
      .map((g) => g.scopeId as string);
    const operator = !mineOnly && holds(actor, 'regional_admin', { regionId: region.id });
    const filters: ListFilters = {
      scope: operator ? { regionId: region.id, includeDrafts: false } : { organizationIds },
      stage: query.stage,
      municipalityId: query.municipalityId,
      q: query.q,
      olderThanDay:
        query.olderThanDays !== undefined
          ? new Date(Date.parse(`${day}T00:00:00Z`) - query.olderThanDays * 86_400_000)
              .toISOString()
              .slice(0, 10)
          : undefined,
      state: query.state ?? 'open',
      sort: query.sort ?? 'age',
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    };
    const [{ rows, total }, counts, requiredKinds] = await Promise.all([
      repo.list(filters),
      repo.stageCounts(filters),
      repo.requiredKindCount(),
    ]);
    return {
      items: rows.map((r) => toSummary(r, day, requiredKinds)),
      total,
      stageCounts: counts.map((c) => ({ stage: c.stage, count: c.count })),
    };
  }

  return {
    detail: ctx.detail,

    /** The operator's queue (region, without drafts); for a representative, their organizations' ones. */
    list: (actor: Actor, query: ApplicationListQuery) => listScoped(actor, query, false),
    /** Applications of the organizations I represent. */
    mine: (actor: Actor, query: ApplicationListQuery) => listScoped(actor, query, true),

    async create(actor: Actor, body: CreateApplicationBody) {
      const user = requireUser(actor);
      const org = await repo.organization(body.organizationId);
      if (!org || !canApplyFor(actor, org)) {
        throw forbidden('You can apply only for an organization you represent.');
      }
      const day = await ctx.today();
      const id = await db.transaction().execute(async (trx) => {
        await checkReferences(trx, org.region_id, body, day);
        const now = ctx.clock.now();
        const row = await repo.insert(
          {
            organization_id: org.id,
            municipality_id: body.municipalityId,
            stage: 'draft',
            stage_since: day,
            created_by: user.userId,
            created_at: now,
            updated_at: now,
            ...editColumns(body),
          },
          trx,
        );
        await repo.insertEvent(
          {
            application_id: row.id,
            from_stage: null,
            to_stage: 'draft',
            actor_id: user.userId,
            at: now,
            comment: null,
          },
          trx,
        );
        await ctx.audit(trx, user.userId, 'application.created', row.id, { organizationId: org.id });
        return row.id;
      });
      return ctx.detail(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateApplicationBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      const row = await ctx.loadVisible(actor, id);
      if (!isApplicant(actor, row)) throw forbidden();
      const day = await ctx.today();
      await db.transaction().execute(async (trx) => {
        const locked = await repo.lock(id, trx);
        if (!locked || !canEditApplication(actor, { ...row, stage: locked.stage })) {
          throw conflict('application_not_editable', 'Only a draft or a returned application can be edited.');
        }
        await beginEdit(trx, 'center_applications', { value: id }, ifMatch, 'application');
        await checkReferences(trx, row.region_id, body, day);
        await repo.update(id, { ...editColumns(body), updated_at: ctx.clock.now() }, trx);
        await ctx.audit(trx, user.userId, 'application.updated', id, { fields: Object.keys(body) });
      });
      return ctx.detail(actor, id);
    },

    /** The operator sets who owns the current stage and the expected opening date. */
    async manage(actor: Actor, id: string, body: ManageApplicationBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      const row = await ctx.loadVisible(actor, id);
      authorize(canReviewApplication(actor, row));
      await db.transaction().execute(async (trx) => {
        await repo.lock(id, trx);
        await beginEdit(trx, 'center_applications', { value: id }, ifMatch, 'application');
        if (body.stageOwnerId) {
          const operators = await repo.holders('regional_admin', row.region_id, trx);
          if (!operators.some((o) => o.id === body.stageOwnerId)) {
            throw invalid('not_an_operator', 'Only an operator of the region can own a stage.', [
              { field: 'stageOwnerId', code: 'not_an_operator', message: 'Not an operator of the region.' },
            ]);
          }
        }
        await repo.update(
          id,
          {
            ...(body.stageOwnerId !== undefined ? { stage_owner_id: body.stageOwnerId } : {}),
            ...(body.expectedOpeningOn !== undefined ? { expected_opening_on: body.expectedOpeningOn } : {}),
            updated_at: ctx.clock.now(),
          },
          trx,
        );
        await ctx.audit(trx, user.userId, 'application.managed', id, body);
      });
      return ctx.detail(actor, id);
    },

    /** The operators of the region: who a stage can be assigned to. */
    async stageOwners(actor: Actor) {
      requireUser(actor);
      const region = await network.currentRegion();
      authorize(holds(actor, 'regional_admin', { regionId: region.id }));
      const rows = await repo.holders('regional_admin', region.id);
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
    },

    ...createTransitionUseCases(ctx),
    ...createDocumentUseCases(ctx),
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;
