/** Typed SQL for monitoring rounds, their indicators, centres and scores. */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { MonitoringIndicatorsTable } from './monitoring.tables.js';

type Db = Kysely<Database>;

const roundsWithPeople = (trx: Db) =>
  trx
    .selectFrom('monitoring_rounds as r')
    .leftJoin('users as uo', 'uo.id', 'r.opened_by')
    .leftJoin('users as uc', 'uc.id', 'r.closed_by')
    .selectAll('r')
    .select([
      'uo.display_name as opened_by_name',
      'uc.display_name as closed_by_name',
      (eb) =>
        eb
          .selectFrom('monitoring_round_centers as rc')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('rc.round_id', '=', 'r.id')
          .$asScalar()
          .$notNull()
          .as('center_count'),
    ]);
export type RoundRow = Awaited<ReturnType<ReturnType<typeof roundsWithPeople>['executeTakeFirstOrThrow']>>;

export function createMonitoringRepo(db: Db) {
  return {
    /** Loads indicators into an empty table (the defaults on first use); returns whether it did. */
    loadIndicatorsIfEmpty: async (rows: Insertable<MonitoringIndicatorsTable>[], trx: Db = db) => {
      const existing = await trx
        .selectFrom('monitoring_indicators')
        .select('code')
        .limit(1)
        .executeTakeFirst();
      if (existing) return false;
      await trx
        .insertInto('monitoring_indicators')
        .values(rows)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      return true;
    },

    indicators: (trx: Db = db) =>
      trx
        .selectFrom('monitoring_indicators')
        .selectAll()
        .where('active', '=', true)
        .orderBy('position')
        .orderBy('code')
        .execute(),

    rounds: (regionId: string, trx: Db = db) =>
      roundsWithPeople(trx)
        .where('r.region_id', '=', regionId)
        .orderBy('r.year', 'desc')
        .orderBy('r.half', 'desc')
        .execute(),

    round: (id: string, trx: Db = db) => roundsWithPeople(trx).where('r.id', '=', id).executeTakeFirst(),

    findRound: (regionId: string, year: number, half: number, trx: Db = db) =>
      trx
        .selectFrom('monitoring_rounds')
        .select('id')
        .where('region_id', '=', regionId)
        .where('year', '=', year)
        .where('half', '=', half)
        .executeTakeFirst(),

    lockRound: (id: string, trx: Db) =>
      trx.selectFrom('monitoring_rounds').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    insertRound: (
      values: {
        region_id: string;
        year: number;
        half: number;
        period_start: string;
        period_end: string;
        green_from: number;
        yellow_from: number;
        opened_by: string | null;
        opened_at: Date;
        is_demo?: boolean;
      },
      trx: Db,
    ) => trx.insertInto('monitoring_rounds').values(values).returning('id').executeTakeFirstOrThrow(),

    /** Copies the active indicators and the region's active centres into the round. */
    snapshotRound: async (roundId: string, regionId: string, trx: Db) => {
      await sql`
        insert into monitoring_round_indicators (round_id, code, name_ru, name_en, max_score, weight, method, position)
        select ${roundId}::uuid, code, name_ru, name_en, max_score, weight, method, position
        from monitoring_indicators where active`.execute(trx);
      const centers = await sql<{ center_id: string }>`
        insert into monitoring_round_centers (round_id, center_id)
        select ${roundId}::uuid, c.id
        from centers c join organizations o on o.id = c.organization_id
        where o.region_id = ${regionId} and c.status = 'active'
        returning center_id`.execute(trx);
      return centers.rows.length;
    },

    roundIndicators: (roundId: string, trx: Db = db) =>
      trx
        .selectFrom('monitoring_round_indicators')
        .selectAll()
        .where('round_id', '=', roundId)
        .orderBy('position')
        .orderBy('code')
        .execute(),

    roundCenters: (roundId: string, trx: Db = db) =>
      trx
        .selectFrom('monitoring_round_centers as rc')
        .innerJoin('centers as c', 'c.id', 'rc.center_id')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .select([
          'c.id',
          'c.name',
          'm.id as municipality_id',
          'm.name_ru as municipality_name_ru',
          'm.name_en as municipality_name_en',
        ])
        .where('rc.round_id', '=', roundId)
        .execute(),

    scores: (roundId: string, trx: Db = db) =>
      trx
        .selectFrom('monitoring_scores as s')
        .leftJoin('users as u', 'u.id', 's.entered_by')
        .selectAll('s')
        .select('u.display_name as entered_by_name')
        .where('s.round_id', '=', roundId)
        .execute(),

    setEntered: (
      v: {
        round_id: string;
        center_id: string;
        indicator_code: string;
        entered: number;
        comment: string | null;
        entered_by: string;
        entered_at: Date;
      },
      trx: Db,
    ) =>
      trx
        .insertInto('monitoring_scores')
        .values(v)
        .onConflict((oc) =>
          oc.columns(['round_id', 'center_id', 'indicator_code']).doUpdateSet({
            entered: v.entered,
            comment: v.comment,
            entered_by: v.entered_by,
            entered_at: v.entered_at,
          }),
        )
        .execute(),

    clearEntered: (roundId: string, centerId: string, code: string, trx: Db) =>
      trx
        .deleteFrom('monitoring_scores')
        .where('round_id', '=', roundId)
        .where('center_id', '=', centerId)
        .where('indicator_code', '=', code)
        .execute(),

    previousScore: (roundId: string, centerId: string, code: string, trx: Db) =>
      trx
        .selectFrom('monitoring_scores')
        .select(['entered', 'comment'])
        .where('round_id', '=', roundId)
        .where('center_id', '=', centerId)
        .where('indicator_code', '=', code)
        .executeTakeFirst(),

    /** At closing: the computed scores are written next to the entered ones and never change again. */
    freezeComputed: async (
      roundId: string,
      rows: { center_id: string; indicator_code: string; computed: number; computed_basis: number }[],
      trx: Db,
    ) => {
      if (rows.length === 0) return;
      await trx
        .insertInto('monitoring_scores')
        .values(rows.map((r) => ({ ...r, round_id: roundId })))
        .onConflict((oc) =>
          oc.columns(['round_id', 'center_id', 'indicator_code']).doUpdateSet((eb) => ({
            computed: eb.ref('excluded.computed'),
            computed_basis: eb.ref('excluded.computed_basis'),
          })),
        )
        .execute();
    },

    close: (roundId: string, by: string | null, at: Date, trx: Db) =>
      trx
        .updateTable('monitoring_rounds')
        .set({ status: 'closed', closed_by: by, closed_at: at })
        .where('id', '=', roundId)
        .execute(),

    roundsOfCenter: (centerId: string, trx: Db = db) =>
      trx
        .selectFrom('monitoring_round_centers as rc')
        .innerJoin('monitoring_rounds as r', 'r.id', 'rc.round_id')
        .select(['r.id', 'r.status'])
        .where('rc.center_id', '=', centerId)
        .orderBy('r.year', 'desc')
        .orderBy('r.half', 'desc')
        .execute(),
  };
}
export type MonitoringRepo = ReturnType<typeof createMonitoringRepo>;
