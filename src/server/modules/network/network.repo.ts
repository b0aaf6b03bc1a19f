/** Typed SQL for the region, its municipalities, centres and plan targets. */
import { type Kysely, sql } from 'kysely';
import type { CenterStatus, Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/**
 * Application stages that do NOT count as "in progress": the draft and the final states. Every other stage
 * (submitted, the operator's configurable review stages, changes_requested) is in progress, so the notion
 * stays true when the operator adds or renames review stages.
 */
export const STAGES_NOT_IN_PROGRESS = ['draft', 'opened', 'rejected', 'withdrawn'];
export const isStageInProgress = (stage: string) => !STAGES_NOT_IN_PROGRESS.includes(stage);

/** Centres joined with their organization and municipality: the columns every centre view needs. */
export const centersWithContext = (trx: Db) =>
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
      'c.services',
      'c.opening_hours',
      'c.phone',
      'c.email',
      'c.website',
      'c.description',
      'c.version',
      'c.organization_id',
      'o.region_id',
      'o.name as organization_name',
      'o.is_placeholder as organization_is_placeholder',
      'm.id as municipality_id',
      'm.slug as municipality_slug',
      'm.name_ru as municipality_name_ru',
      'm.name_en as municipality_name_en',
    ]);

export function createNetworkRepo(db: Db) {
  return {
    /**
     * The installation's region (one region per installation), with the version of the network's history
     * (migration 0025: answers computed from that history are kept under it, ADR 0020) and the number of
     * active volunteers (migration 0022), so that the home page's summary is one statement.
     */
    region: (trx: Db = db) =>
      trx
        .selectFrom('regions')
        .selectAll()
        .select([
          sql<string>`(select value::text from public_counters where name = 'network_history')`.as(
            'history_version',
          ),
          sql<number>`(select value from public_counters where name = 'active_volunteers')`.as(
            'active_volunteers',
          ),
        ])
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst(),

    /** Municipalities in force on `day`: effective_from <= day < effective_to (or open). */
    municipalitiesInForce: (regionId: string, day: string, trx: Db = db) =>
      trx
        .selectFrom('municipalities as m')
        .select([
          'm.id',
          'm.slug',
          'm.name_ru',
          'm.name_en',
          'm.kind',
          'm.admin_center_ru',
          'm.lat',
          'm.lon',
          'm.population',
        ])
        .where('m.region_id', '=', regionId)
        .where('m.effective_from', '<=', day)
        .where((eb) => eb.or([eb('m.effective_to', 'is', null), eb('m.effective_to', '>', day)]))
        .execute(),

    /**
     * Every centre of the region (any status) with its registered municipality, opening date and status
     * changes (local days, in time order): what coverage on any day is computed from.
     */
    centerLives: async (regionId: string, trx: Db = db) => {
      const result = await sql<{
        municipality_id: string;
        opened_on: string | null;
        status: CenterStatus;
        changes: { day: string; from: CenterStatus | null; to: CenterStatus }[];
      }>`
        select c.municipality_id, c.opened_on, c.status,
          coalesce((
            select json_agg(json_build_object(
                     'day', to_char(e.at at time zone r.timezone, 'YYYY-MM-DD'),
                     'from', e.from_status, 'to', e.to_status) order by e.at, e.id)
            from center_status_events e where e.center_id = c.id
          ), '[]'::json) as changes
        from centers c
        join municipalities m on m.id = c.municipality_id
        join regions r on r.id = m.region_id
        where m.region_id = ${regionId}
      `.execute(trx);
      return result.rows;
    },

    /**
     * Every application of the region that ever left the draft, with its stage transitions (local days, in
     * time order): which were in progress on any day.
     */
    applicationLives: async (regionId: string, trx: Db = db) => {
      const result = await sql<{
        municipality_id: string;
        stage: string;
        stage_since: string | null;
        transitions: { day: string; from: string | null; to: string }[];
      }>`
        select a.municipality_id, a.stage, a.stage_since::text as stage_since,
          coalesce((
            select json_agg(json_build_object(
                     'day', to_char(e.at at time zone r.timezone, 'YYYY-MM-DD'),
                     'from', e.from_stage, 'to', e.to_stage) order by e.at, e.seq)
            from application_events e where e.application_id = a.id
          ), '[]'::json) as transitions
        from center_applications a
        join municipalities m on m.id = a.municipality_id
        join regions r on r.id = m.region_id
        where m.region_id = ${regionId} and (a.stage <> 'draft' or exists (
          select 1 from application_events e where e.application_id = a.id))
      `.execute(trx);
      return result.rows;
    },

    /**
     * Lineage links that took effect on or before `day`: the recorded changes, plus the older
     * `predecessor_id` links (a successor row names its single predecessor and starts on the change day).
     */
    lineageUpTo: async (regionId: string, day: string, trx: Db = db) => {
      const result = await sql<{ predecessor_id: string; successor_id: string; effective_on: string }>`
        select l.predecessor_id, l.successor_id, c.effective_on
        from municipality_lineage l
        join municipality_changes c on c.id = l.change_id
        where c.region_id = ${regionId} and c.effective_on <= ${day}
        union
        select m.predecessor_id, m.id, m.effective_from
        from municipalities m
        where m.region_id = ${regionId} and m.predecessor_id is not null and m.effective_from <= ${day}
      `.execute(trx);
      return result.rows;
    },

    /**
     * Active centres of the region; `municipality` narrows them to those registered in one of `ids` or in a
     * municipality with that `slug` (a superset the service narrows further through the lineage).
     */
    centers: (
      regionId: string,
      filter: { service?: string; q?: string; municipality?: { ids: string[]; slug: string } } = {},
      trx: Db = db,
    ) => {
      let query = centersWithContext(trx)
        .where('m.region_id', '=', regionId)
        .where('c.status', '=', 'active');
      const within = filter.municipality;
      if (within)
        query = query.where((eb) =>
          eb.or([
            ...(within.ids.length ? [eb('c.municipality_id', 'in', within.ids)] : []),
            eb('m.slug', '=', within.slug),
          ]),
        );
      if (filter.service) query = query.where(sql<boolean>`${filter.service} = any(c.services)`);
      const q = filter.q?.trim();
      if (q) {
        const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        query = query.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('o.name', 'ilike', like)]));
      }
      return query.execute();
    },

    /** Every municipality record's shape (any period) and the lineage links, for the map. */
    shapes: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('municipalities')
        .select(['id', 'shape', 'shape_source', 'shape_updated_at'])
        .where('region_id', '=', regionId)
        .orderBy('id')
        .execute(),

    /** The service vocabulary in display order (active kinds only). */
    serviceKinds: (trx: Db = db) =>
      trx
        .selectFrom('center_service_kinds')
        .select(['code', 'name_ru', 'name_en'])
        .where('active', '=', true)
        .orderBy('position')
        .orderBy('code')
        .execute(),

    /** One centre, whatever its status, with its organization, region and municipality. */
    center: (id: string, trx: Db = db) => centersWithContext(trx).where('c.id', '=', id).executeTakeFirst(),

    targets: (regionId: string, trx: Db = db) =>
      trx
        .selectFrom('rollout_targets')
        .selectAll()
        .where('region_id', '=', regionId)
        .orderBy('due_date')
        .execute(),
  };
}
export type NetworkRepo = ReturnType<typeof createNetworkRepo>;
