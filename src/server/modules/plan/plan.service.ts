/**
 * The rollout plan: targets the operator creates, changes and removes. Every change writes a revision (old
 * and new values, actor, time, comment) and an audit event, in the same transaction.
 */
import type { Kysely } from 'kysely';
import type {
  CreatePlanTargetBody,
  RemovePlanTargetBody,
  UpdatePlanTargetBody,
} from '../../../shared/contracts/plan.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import { type IfMatch, requireMatch } from '../../platform/http/etag.js';
import type { NetworkService } from '../network/index.js';
import { canManagePlan } from './plan.policy.js';
import { toRevision, toTargetItem } from './plan.presenter.js';
import type { PlanRepo, TargetValues } from './plan.repo.js';
import type { RolloutTargetKind } from './plan.tables.js';

type Db = Kysely<Database>;

/** The programme start: 1 January of the region's `program_since` year (null when unknown). */
export const programStart = (region: { program_since: number | null }) =>
  region.program_since ? `${String(region.program_since).padStart(4, '0')}-01-01` : null;

const clean = (text: string | null | undefined) => text?.normalize('NFC').trim() || null;

function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

const duplicate = () =>
  conflict('target_exists', 'A target of this kind for this date already exists.', [
    {
      field: 'dueDate',
      code: 'target_exists',
      message: 'A target of this kind for this date already exists.',
    },
  ]);

export function createPlanService(deps: {
  db: Db;
  repo: PlanRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
}) {
  const { db, repo, network, clock, audit } = deps;

  async function operatorRegion(actor: Actor) {
    requireUser(actor);
    const region = await network.currentRegion();
    authorize(canManagePlan(actor, region));
    return region;
  }

  /** Field problems of a target's values; none means it may be saved. */
  async function check(
    region: { id: string; program_since: number | null },
    kind: RolloutTargetKind,
    values: TargetValues,
    trx: Db,
  ): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const start = programStart(region);
    if (start && values.due_date <= start) {
      issues.push({
        field: 'dueDate',
        code: 'due_before_program',
        message: `The due date must be after the programme start (${start}).`,
        params: { start },
      });
    }
    if (kind === 'municipal_coverage') {
      const total = await repo.municipalitiesOn(region.id, values.due_date, trx);
      if (values.target > total) {
        issues.push({
          field: 'target',
          code: 'coverage_above_total',
          message: `At most ${total} municipalities exist on ${values.due_date}.`,
          params: { total: String(total), date: values.due_date },
        });
      }
    }
    return issues;
  }

  const refuse = (issues: FieldIssue[]) => {
    if (issues.length > 0) throw invalid(issues[0]?.code ?? 'validation_failed', 'Check the target.', issues);
  };

  function requireComment(comment: string | undefined) {
    const text = clean(comment);
    if (!text) {
      throw invalid('plan_reason_required', 'Say why the plan changes.', [
        { field: 'comment', code: 'plan_reason_required', message: 'Say why the plan changes.' },
      ]);
    }
    return text;
  }

  /** Runs a write; a race that still hits the unique key answers 409 like the check before it. */
  async function write<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  return {
    async list(actor: Actor) {
      const region = await operatorRegion(actor);
      return {
        programStart: programStart(region),
        items: (await repo.targets(region.id)).map(toTargetItem),
      };
    },

    async create(actor: Actor, body: CreatePlanTargetBody) {
      const user = requireUser(actor);
      const region = await operatorRegion(actor);
      const values: TargetValues = { due_date: body.dueDate, target: body.target, note: clean(body.note) };
      const row = await write(async (trx) => {
        refuse(await check(region, body.kind, values, trx));
        if (await repo.sameDay(region.id, body.kind, values.due_date, null, trx)) throw duplicate();
        const created = await repo.insertTarget({ region_id: region.id, kind: body.kind, ...values }, trx);
        const at = clock.now();
        await repo.insertRevision(
          {
            region_id: region.id,
            target_id: created.id,
            action: 'created',
            kind: body.kind,
            before: null,
            after: values,
            comment: clean(body.comment),
            actor_id: user.userId,
            at,
          },
          trx,
        );
        await audit.record(trx, {
          target: 'rollout_target',
          actorId: user.userId,
          action: 'plan.target_created',
          targetId: created.id,
          at,
          data: { kind: body.kind, ...values },
        });
        return created;
      });
      return { target: toTargetItem(row) };
    },

    /** A change made from an older version of the target (If-Match) is refused with 412. */
    async update(actor: Actor, id: string, body: UpdatePlanTargetBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      const region = await operatorRegion(actor);
      const comment = requireComment(body.comment);
      const row = await write(async (trx) => {
        const current = await repo.lockTarget(id, region.id, trx);
        if (!current) throw notFound('target');
        await beginEdit(trx, 'rollout_targets', { value: id }, ifMatch, 'target');
        const before: TargetValues = {
          due_date: current.due_date,
          target: current.target,
          note: current.note,
        };
        const after: TargetValues = {
          due_date: body.dueDate ?? before.due_date,
          target: body.target ?? before.target,
          note: body.note === undefined ? before.note : clean(body.note),
        };
        if (
          after.due_date === before.due_date &&
          after.target === before.target &&
          after.note === before.note
        ) {
          throw invalid('nothing_changed', 'The new values are the same as the current ones.');
        }
        refuse(await check(region, current.kind, after, trx));
        if (await repo.sameDay(region.id, current.kind, after.due_date, id, trx)) throw duplicate();
        const updated = await repo.updateTarget(id, after, trx);
        const at = clock.now();
        await repo.insertRevision(
          {
            region_id: region.id,
            target_id: id,
            action: 'changed',
            kind: current.kind,
            before,
            after,
            comment,
            actor_id: user.userId,
            at,
          },
          trx,
        );
        await audit.record(trx, {
          target: 'rollout_target',
          actorId: user.userId,
          action: 'plan.target_changed',
          targetId: id,
          at,
          data: { before, after },
        });
        return updated;
      });
      return { target: toTargetItem(row) };
    },

    async remove(actor: Actor, id: string, body: RemovePlanTargetBody, ifMatch?: IfMatch) {
      const user = requireUser(actor);
      const region = await operatorRegion(actor);
      const comment = requireComment(body.comment);
      await write(async (trx) => {
        const current = await repo.lockTarget(id, region.id, trx);
        if (!current) throw notFound('target');
        requireMatch(ifMatch, current.version);
        const before: TargetValues = {
          due_date: current.due_date,
          target: current.target,
          note: current.note,
        };
        await repo.deleteTarget(id, trx);
        const at = clock.now();
        await repo.insertRevision(
          {
            region_id: region.id,
            target_id: id,
            action: 'removed',
            kind: current.kind,
            before,
            after: null,
            comment,
            actor_id: user.userId,
            at,
          },
          trx,
        );
        await audit.record(trx, {
          target: 'rollout_target',
          actorId: user.userId,
          action: 'plan.target_removed',
          targetId: id,
          at,
          data: { kind: current.kind, ...before },
        });
      });
    },

    async history(actor: Actor, query: { targetId?: string; limit?: number }) {
      const region = await operatorRegion(actor);
      const rows = await repo.history(region.id, { targetId: query.targetId, limit: query.limit ?? 200 });
      return { items: rows.map(toRevision) };
    },
  };
}
export type PlanService = ReturnType<typeof createPlanService>;
