/** Typed SQL for one centre and its status history. */
import type { Kysely } from 'kysely';
import type { CenterStatus, Database } from '../../platform/db/schema.js';
import type { ProfileUpdate } from './center-profile.js';

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

    /** Writes the given profile fields (others unchanged) and returns the previous values. */
    updateProfile: async (id: string, update: ProfileUpdate, trx: Db) => {
      const before = await trx
        .selectFrom('centers')
        .select(['services', 'opening_hours', 'phone', 'email', 'website', 'address', 'description'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (before && Object.keys(update).length > 0) {
        await trx.updateTable('centers').set(update).where('id', '=', id).execute();
      }
      return before;
    },

    /** Codes of the service vocabulary in use. */
    serviceCodes: async (trx: Db = db) =>
      new Set(
        (
          await trx.selectFrom('center_service_kinds').select('code').where('active', '=', true).execute()
        ).map((r) => r.code),
      ),

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
