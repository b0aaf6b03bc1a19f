/** Typed SQL for the rollout targets and their revisions. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { RevisionAction, RolloutTargetKind } from './plan.tables.js';

type Db = Kysely<Database>;

export type TargetValues = { due_date: string; target: number; note: string | null };

export function createPlanRepo(db: Db) {
  return {
    targets: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('rollout_targets')
        .select(['id', 'region_id', 'kind', 'due_date', 'target', 'note', 'version'])
        .where('region_id', '=', regionId)
        .orderBy('due_date')
        .orderBy('kind')
        .execute(),

    /** Locks the target until the transaction ends, so two edits cannot cross. */
    lockTarget: (id: string, regionId: string, trx: Db) =>
      trx
        .selectFrom('rollout_targets')
        .select(['id', 'region_id', 'kind', 'due_date', 'target', 'note', 'version'])
        .where('id', '=', id)
        .where('region_id', '=', regionId)
        .forUpdate()
        .executeTakeFirst(),

    /** Another target of the same kind on the same date (the unique key), except `exceptId`. */
    sameDay: (
      regionId: string,
      kind: RolloutTargetKind,
      dueDate: string,
      exceptId: string | null,
      trx: Db,
    ) => {
      let q = trx
        .selectFrom('rollout_targets')
        .select('id')
        .where('region_id', '=', regionId)
        .where('kind', '=', kind)
        .where('due_date', '=', dueDate);
      if (exceptId) q = q.where('id', '<>', exceptId);
      return q.executeTakeFirst();
    },

    insertTarget: (values: { region_id: string; kind: RolloutTargetKind } & TargetValues, trx: Db) =>
      trx
        .insertInto('rollout_targets')
        .values(values)
        .returning(['id', 'region_id', 'kind', 'due_date', 'target', 'note', 'version'])
        .executeTakeFirstOrThrow(),

    updateTarget: (id: string, values: TargetValues, trx: Db) =>
      trx
        .updateTable('rollout_targets')
        .set(values)
        .where('id', '=', id)
        .returning(['id', 'region_id', 'kind', 'due_date', 'target', 'note', 'version'])
        .executeTakeFirstOrThrow(),

    /** Municipalities in force on `day` (effective_from <= day < effective_to), as the network counts them. */
    municipalitiesOn: async (regionId: string, day: string, trx: Db = db) => {
      const row = await trx
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('region_id', '=', regionId)
        .where('effective_from', '<=', day)
        .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', day)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    deleteTarget: (id: string, trx: Db) => trx.deleteFrom('rollout_targets').where('id', '=', id).execute(),

    insertRevision: (
      r: {
        region_id: string;
        target_id: string;
        action: RevisionAction;
        kind: RolloutTargetKind;
        before: TargetValues | null;
        after: TargetValues | null;
        comment: string | null;
        actor_id: string | null;
        at: Date;
      },
      trx: Db,
    ) =>
      trx
        .insertInto('rollout_target_revisions')
        .values({
          region_id: r.region_id,
          target_id: r.target_id,
          action: r.action,
          kind: r.kind,
          old_due_date: r.before?.due_date ?? null,
          old_target: r.before?.target ?? null,
          old_note: r.before?.note ?? null,
          new_due_date: r.after?.due_date ?? null,
          new_target: r.after?.target ?? null,
          new_note: r.after?.note ?? null,
          comment: r.comment,
          actor_id: r.actor_id,
          at: r.at,
        })
        .execute(),

    /** Newest first; of one target when `targetId` is given. */
    history: (regionId: string, filter: { targetId?: string; limit: number }, trx: Db = db) => {
      let q = trx
        .selectFrom('rollout_target_revisions as r')
        .leftJoin('users as u', 'u.id', 'r.actor_id')
        .selectAll('r')
        .select(['u.display_name as actor_name'])
        .where('r.region_id', '=', regionId);
      if (filter.targetId) q = q.where('r.target_id', '=', filter.targetId);
      return q.orderBy('r.at', 'desc').orderBy('r.seq', 'desc').limit(filter.limit).execute();
    },
  };
}
export type PlanRepo = ReturnType<typeof createPlanRepo>;
export type TargetRow = Awaited<ReturnType<PlanRepo['targets']>>[number];
export type RevisionRow = Awaited<ReturnType<PlanRepo['history']>>[number];
