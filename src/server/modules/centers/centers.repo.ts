/** Typed SQL for one centre, its status history and the vocabulary of centre services. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  CenterServiceKindsTable,
  CenterStatus,
  CenterStatusEventsTable,
  CentersTable,
  Database,
} from '../../platform/db/schema.js';
import type { ProfileUpdate } from './center-profile.js';

type Db = Kysely<Database>;

export function createCentersRepo(db: Db) {
  return {
    insertCenter: (center: Insertable<CentersTable>, trx: Db = db) =>
      trx.insertInto('centers').values(center).returning('id').executeTakeFirstOrThrow(),

    /** Locks the centre row until the transaction ends, so two decisions cannot cross. */
    lockStatus: (id: string, trx: Db = db) =>
      trx.selectFrom('centers').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst(),

    setStatus: (id: string, status: CenterStatus, trx: Db = db) =>
      trx.updateTable('centers').set({ status }).where('id', '=', id).execute(),

    insertEvent: (event: Insertable<CenterStatusEventsTable>, trx: Db = db) =>
      trx.insertInto('center_status_events').values(event).execute(),

    /** Writes the given profile fields (others unchanged) and returns the previous values. */
    updateProfile: async (id: string, update: ProfileUpdate, trx: Db = db) => {
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

    /** The service vocabulary, by position (retired kinds too when asked). */
    serviceKinds: (includeRetired: boolean, trx: Db = db) => {
      const q = trx.selectFrom('center_service_kinds').selectAll().orderBy('position').orderBy('code');
      return (includeRetired ? q : q.where('active', '=', true)).execute();
    },

    insertServiceKind: (kind: Insertable<CenterServiceKindsTable>, trx: Db) =>
      trx.insertInto('center_service_kinds').values(kind).returningAll().executeTakeFirstOrThrow(),

    /** Writes the given fields; returns the row as it is now (none: no such kind). */
    updateServiceKind: (code: string, patch: Updateable<CenterServiceKindsTable>, trx: Db) =>
      trx
        .updateTable('center_service_kinds')
        .set(patch)
        .where('code', '=', code)
        .returningAll()
        .executeTakeFirst(),

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
