/** Typed SQL for one centre and its status history. */
import type { Kysely } from 'kysely';
import type { CenterStatus, Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function createCentersRepo(db: Db) {
  return {
    /** Locks the centre row until the transaction ends, so two decisions cannot cross. */
    lockStatus: (id: string, trx: Db) =>
      trx.selectFrom('centers').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst(),

    setStatus: (id: string, status: CenterStatus, trx: Db) =>
      trx.updateTable('centers').set({ status }).where('id', '=', id).execute(),

    insertEvent: (
      event: {
        center_id: string;
        from_status: CenterStatus;
        to_status: CenterStatus;
        comment: string | null;
        actor_id: string;
        at: Date;
      },
      trx: Db,
    ) => trx.insertInto('center_status_events').values(event).execute(),

    history: (id: string, trx: Db = db) =>
      trx
        .selectFrom('center_status_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .select([
          'e.id',
          'e.from_status',
          'e.to_status',
          'e.comment',
          'e.at',
          'u.id as actor_id',
          'u.display_name as actor_name',
        ])
        .where('e.center_id', '=', id)
        .orderBy('e.at')
        .orderBy('e.id')
        .execute(),
  };
}
export type CentersRepo = ReturnType<typeof createCentersRepo>;
