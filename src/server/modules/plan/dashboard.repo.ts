/**
 * The data the dashboard needs, loaded once per request: every centre with its status changes, every
 * municipality with its effective dates, the whole lineage, and the applications in progress.
 * The stages (and their typical days) come from `application_stages` (migration 0005, seeded by the
 * applications module).
 */
import { type Kysely, sql } from 'kysely';
import type { CenterStatus, Database } from '../../platform/db/schema.js';
import { NOT_IN_PROGRESS, type StageDef } from './pipeline.js';

type Db = Kysely<Database>;

export type PipelineRow = {
  id: string;
  stage: string;
  stage_since: string | null;
  created_on: string;
  expected_opening_on: string | null;
  returned_from_stage: string | null;
  organization_name: string;
  municipality_id: string;
  municipality_name_ru: string;
  municipality_name_en: string;
};

export function createDashboardRepo(db: Db) {
  return {
    /** Every centre of the region (any status) with its registered municipality and opening date. */
    centers: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('centers as c')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select(['c.id', 'c.municipality_id', 'c.opened_on', 'c.status'])
        .where('m.region_id', '=', regionId)
        .execute(),

    /** Status changes of the region's centres, in time order. */
    statusChanges: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('center_status_events as e')
        .innerJoin('centers as c', 'c.id', 'e.center_id')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select(['e.center_id', 'e.from_status', 'e.to_status', 'e.at'])
        .where('m.region_id', '=', regionId)
        .orderBy('e.at')
        .orderBy('e.id')
        .execute() as Promise<
        { center_id: string; from_status: CenterStatus | null; to_status: CenterStatus; at: Date }[]
      >,

    municipalities: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('municipalities')
        .select(['id', 'effective_from', 'effective_to'])
        .where('region_id', '=', regionId)
        .execute(),

    /** All lineage links: recorded changes and the older `predecessor_id` links (as network.repo reads them). */
    lineage: async (regionId: string, trx: Db = db) => {
      const result = await sql<{ predecessor_id: string; successor_id: string; effective_on: string }>`
        select l.predecessor_id, l.successor_id, c.effective_on
        from municipality_lineage l
        join municipality_changes c on c.id = l.change_id
        where c.region_id = ${regionId}
        union
        select m.predecessor_id, m.id, m.effective_from
        from municipalities m
        where m.region_id = ${regionId} and m.predecessor_id is not null
      `.execute(trx);
      return result.rows;
    },

    stages: async (trx: Db = db) => {
      const result = await sql<StageDef>`
        select code, name_ru, name_en, position, typical_days, active from application_stages
        order by position, code
      `.execute(trx);
      return result.rows;
    },

    /** Applications in progress (any stage but draft, opened, rejected, withdrawn) of the region. */
    pipeline: async (regionId: string, trx: Db = db) => {
      const result = await sql<PipelineRow>`
        select a.id, a.stage, a.stage_since,
          (a.created_at at time zone r.timezone)::date as created_on,
          a.expected_opening_on, a.returned_from_stage,
          o.name as organization_name,
          m.id as municipality_id, m.name_ru as municipality_name_ru, m.name_en as municipality_name_en
        from center_applications a
        join organizations o on o.id = a.organization_id
        join municipalities m on m.id = a.municipality_id
        join regions r on r.id = m.region_id
        where m.region_id = ${regionId} and a.stage not in (${sql.join([...NOT_IN_PROGRESS])})
        order by a.stage_since nulls last, a.created_at
      `.execute(trx);
      return result.rows;
    },
  };
}
export type DashboardRepo = ReturnType<typeof createDashboardRepo>;
