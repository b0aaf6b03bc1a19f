/** Gives seeded targets their first history entry, so the plan's history starts with where it came from. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export const SEEDED_COMMENT = 'Загружено из исходного документа (региональная новость от 28.08.2023)';

/** Writes a `created` revision for every target that has none. Runs inside the caller's transaction. */
export async function seedPlanHistory(trx: Kysely<Database>, at: Date): Promise<number> {
  const targets = await trx
    .selectFrom('rollout_targets as t')
    .select(['t.id', 't.region_id', 't.kind', 't.due_date', 't.target', 't.note'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rollout_target_revisions as r').select('r.id').whereRef('r.target_id', '=', 't.id'),
        ),
      ),
    )
    .execute();
  if (targets.length === 0) return 0;
  await trx
    .insertInto('rollout_target_revisions')
    .values(
      targets.map((t) => ({
        region_id: t.region_id,
        target_id: t.id,
        action: 'created' as const,
        kind: t.kind,
        new_due_date: t.due_date,
        new_target: t.target,
        new_note: t.note,
        comment: SEEDED_COMMENT,
        actor_id: null,
        at,
      })),
    )
    .execute();
  return targets.length;
}
