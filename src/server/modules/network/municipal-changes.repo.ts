/** Typed SQL for changes of the municipal structure and their lineage. */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { AuditAction } from '../../platform/audit/audit.js';
import type {
  Database,
  MunicipalitiesTable,
  MunicipalityChangesTable,
  MunicipalityLineageTable,
} from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** The audit action of a recorded change; its data also keeps the ids an abolition ended. */
export const MUNICIPALITY_CHANGED = 'municipality.changed' satisfies AuditAction<'municipality_change'>;

export type MunicipalityRefRow = { id: string; slug: string; name_ru: string; name_en: string };

export function createMunicipalChangesRepo(db: Db) {
  return {
    /** The region's municipalities with these ids, locked until the transaction ends (stable order). */
    lockMunicipalities: (regionId: string, ids: string[], trx: Db = db) =>
      trx
        .selectFrom('municipalities')
        .select(['id', 'slug', 'effective_from', 'effective_to'])
        .where('region_id', '=', regionId)
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute(),

    slugTaken: async (regionId: string, slug: string, trx: Db = db) =>
      (await trx
        .selectFrom('municipalities')
        .select('id')
        .where('region_id', '=', regionId)
        .where('slug', '=', slug)
        .executeTakeFirst()) !== undefined,

    insertChange: (row: Insertable<MunicipalityChangesTable>, trx: Db = db) =>
      trx.insertInto('municipality_changes').values(row).returning('id').executeTakeFirstOrThrow(),

    /** Ends the municipalities on `day` (the change day is the first day they are no longer in force). */
    endMunicipalities: (ids: string[], day: string, trx: Db = db) =>
      trx.updateTable('municipalities').set({ effective_to: day }).where('id', 'in', ids).execute(),

    insertMunicipality: (row: Insertable<MunicipalitiesTable>, trx: Db = db) =>
      trx.insertInto('municipalities').values(row).returning('id').executeTakeFirstOrThrow(),

    insertLineage: (rows: MunicipalityLineageTable[], trx: Db = db) =>
      rows.length === 0 ? Promise.resolve() : trx.insertInto('municipality_lineage').values(rows).execute(),

    /** The region's changes (or one of them), newest first. */
    changes: (regionId: string, filter: { id?: string } = {}, trx: Db = db) => {
      let q = trx
        .selectFrom('municipality_changes')
        .select(['id', 'kind', 'effective_on', 'legal_basis', 'comment', 'created_at'])
        .where('region_id', '=', regionId);
      if (filter.id) q = q.where('id', '=', filter.id);
      return q.orderBy('effective_on', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
    },

    /** Predecessor → successor pairs of these changes, with both names (one query for any number). */
    lineageOf: (changeIds: string[], trx: Db = db) =>
      changeIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('municipality_lineage as l')
            .innerJoin('municipalities as p', 'p.id', 'l.predecessor_id')
            .innerJoin('municipalities as s', 's.id', 'l.successor_id')
            .select([
              'l.change_id',
              'p.id as p_id',
              'p.slug as p_slug',
              'p.name_ru as p_name_ru',
              'p.name_en as p_name_en',
              's.id as s_id',
              's.slug as s_slug',
              's.name_ru as s_name_ru',
              's.name_en as s_name_en',
            ])
            .where('l.change_id', 'in', changeIds)
            .orderBy('p.name_ru')
            .execute(),

    /**
     * Municipalities ended by changes without a successor (abolitions): lineage cannot hold them (its
     * successor is required), so their ids are read from the change's audit event. One query.
     */
    abolishedBy: async (changeIds: string[], trx: Db = db) => {
      if (changeIds.length === 0) return [];
      const result = await sql<MunicipalityRefRow & { change_id: string }>`
        select a.entity_id as change_id, m.id, m.slug, m.name_ru, m.name_en
        from audit_events a
        cross join lateral jsonb_array_elements_text(a.data -> 'predecessorIds') as p(id)
        join municipalities m on m.id::text = p.id
        where a.action = ${MUNICIPALITY_CHANGED} and a.entity = 'municipality_change'
          and a.entity_id in (${sql.join(changeIds)})
        order by m.name_ru
      `.execute(trx);
      return result.rows;
    },
  };
}
export type MunicipalChangesRepo = ReturnType<typeof createMunicipalChangesRepo>;
