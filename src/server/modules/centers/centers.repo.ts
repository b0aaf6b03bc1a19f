/** Typed SQL for one centre and its status history. */
import type { Kysely } from 'kysely';
import type { CenterStatus, Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export function createCentersRepo(db: Db) {
  const withContext = (trx: Db) =>
    trx
      .selectFrom('centers as c')
      .innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
      .select([
        'c.id',
        'c.name',
        'c.status',
        'c.address',
        'c.lat',
        'c.lon',
        'c.opened_on',
        'c.is_demo',
        'c.organization_id',
        'o.region_id',
        'o.name as organization_name',
        'o.is_placeholder as organization_is_placeholder',
        'm.id as municipality_id',
        'm.name_ru as municipality_name_ru',
        'm.name_en as municipality_name_en',
        'm.slug as municipality_slug',
      ]);

  return {
    find: (id: string, trx: Db = db) => withContext(trx).where('c.id', '=', id).executeTakeFirst(),

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
export type CenterContextRow = NonNullable<Awaited<ReturnType<CentersRepo['find']>>>;
