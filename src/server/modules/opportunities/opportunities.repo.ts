/** Typed SQL for opportunities, their shifts (with roles), recurring series and shift templates. */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { RoleSlot } from './opportunities.tables.js';

type Db = Kysely<Database>;

export function createOpportunitiesRepo(db: Db) {
  return {
    categories: (trx: Db = db) =>
      trx.selectFrom('opportunity_categories').selectAll().orderBy('sort_order').orderBy('code').execute(),

    categoryExists: async (code: string, trx: Db = db) =>
      (await trx
        .selectFrom('opportunity_categories')
        .select('code')
        .where('code', '=', code)
        .executeTakeFirst()) !== undefined,

    /** The centre with its region (for policies) and the region's time zone. */
    center: (id: string, trx: Db = db) =>
      trx
        .selectFrom('centers as c')
        .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
        .innerJoin('regions as r', 'r.id', 'm.region_id')
        .select(['c.id', 'c.name', 'c.status', 'c.municipality_id', 'm.region_id', 'r.timezone'])
        .where('c.id', '=', id)
        .executeTakeFirst(),

    find: (id: string, trx: Db = db) =>
      trx
        .selectFrom('opportunities as o')
        .innerJoin('centers as c', 'c.id', 'o.center_id')
        .innerJoin('municipalities as cm', 'cm.id', 'c.municipality_id')
        .innerJoin('regions as r', 'r.id', 'cm.region_id')
        .leftJoin('municipalities as m', 'm.id', 'o.municipality_id')
        .leftJoin('opportunity_categories as oc', 'oc.code', 'o.category')
        .leftJoin('organizations as po', 'po.id', 'o.partner_organization_id')
        .selectAll('o')
        .select([
          'c.name as center_name',
          'c.status as center_status',
          'cm.region_id',
          'r.timezone',
          'm.name_ru as municipality_ru',
          'm.name_en as municipality_en',
          'oc.name_ru as category_ru',
          'oc.name_en as category_en',
          'po.name as partner_name',
        ])
        .where('o.id', '=', id)
        .executeTakeFirst(),

    listForCenter: (centerId: string, trx: Db = db) =>
      trx
        .selectFrom('opportunities as o')
        .select([
          'o.id',
          'o.title',
          'o.status',
          'o.updated_at',
          (eb) =>
            eb
              .selectFrom('shifts as s')
              .select(sql<Date | null>`min(s.starts_at)`.as('m'))
              .whereRef('s.opportunity_id', '=', 'o.id')
              .where('s.status', '=', 'scheduled')
              .where('s.starts_at', '>=', sql<Date>`now()`)
              .as('next_shift_at'),
        ])
        .where('o.center_id', '=', centerId)
        .orderBy('o.updated_at', 'desc')
        .execute(),

    insert: (values: Insertable<Database['opportunities']>, trx: Db = db) =>
      trx.insertInto('opportunities').values(values).returning('id').executeTakeFirstOrThrow(),

    update: (id: string, values: Updateable<Database['opportunities']>, trx: Db = db) =>
      trx.updateTable('opportunities').set(values).where('id', '=', id).execute(),

    /**
     * Shifts from `from` on (all if null), with the places held per shift (`taken`) and per role, counted
     * as the signups module decides: confirmed, offered, attended, and walk-ins.
     */
    async shifts(opportunityId: string, from: Date | null, trx: Db = db) {
      let q = trx
        .selectFrom('shifts as s')
        .selectAll('s')
        .where('s.opportunity_id', '=', opportunityId)
        .orderBy('s.starts_at')
        .limit(500);
      if (from) q = q.where('s.starts_at', '>=', from);
      const shifts = await q.execute();
      const roles = shifts.length
        ? await trx
            .selectFrom('shift_roles as r')
            .selectAll('r')
            .select(
              sql<number>`(select count(*)::int from signups g where g.role_id = r.id
                  and g.status in ('confirmed', 'offered', 'attended'))
                + (select count(*)::int from shift_walk_ins w where w.role_id = r.id and w.removed_at is null)`.as(
                'taken',
              ),
            )
            .where(
              'r.shift_id',
              'in',
              shifts.map((s) => s.id),
            )
            .orderBy('r.name')
            .execute()
        : [];
      return { shifts, roles };
    },

    findShift: (opportunityId: string, shiftId: string, trx: Db = db) =>
      trx
        .selectFrom('shifts')
        .selectAll()
        .where('id', '=', shiftId)
        .where('opportunity_id', '=', opportunityId)
        .executeTakeFirst(),

    async insertShift(
      values: Insertable<Database['shifts']>,
      roles: RoleSlot[],
      trx: Db = db,
    ): Promise<string> {
      const shift = await trx.insertInto('shifts').values(values).returning('id').executeTakeFirstOrThrow();
      if (roles.length)
        await trx
          .insertInto('shift_roles')
          .values(roles.map((r) => ({ shift_id: shift.id, name: r.name, capacity: r.capacity })))
          .execute();
      return shift.id;
    },

    /**
     * The shift row of the opportunity, locked `for update`: the same lock every signup takes, so a
     * change of capacity (or time) waits for signups in flight and they wait for it.
     */
    lockShift: (opportunityId: string, shiftId: string, trx: Db) =>
      trx
        .selectFrom('shifts')
        .selectAll()
        .where('id', '=', shiftId)
        .where('opportunity_id', '=', opportunityId)
        .forUpdate()
        .executeTakeFirst(),

    /** Places held on a shift as signups count them (confirmed, offered, attended, walk-ins): `taken`. */
    async heldPlaces(shiftId: string, trx: Db = db): Promise<number> {
      const row = await trx.selectFrom('shifts').select('taken').where('id', '=', shiftId).executeTakeFirst();
      return Number(row?.taken ?? 0);
    },

    /** Raises the iCalendar SEQUENCE of the given shifts (or of every shift of an opportunity). */
    bumpSequence: async (target: { shiftIds: string[] } | { opportunityId: string }, trx: Db) => {
      if ('shiftIds' in target && target.shiftIds.length === 0) return;
      let q = trx.updateTable('shifts').set((eb) => ({ ical_sequence: eb('ical_sequence', '+', 1) }));
      q =
        'shiftIds' in target
          ? q.where('id', 'in', target.shiftIds)
          : q.where('opportunity_id', '=', target.opportunityId);
      await q.execute();
    },

    /** Every change of a shift goes through here and moves its version (its ETag, ADR 0017). */
    updateShift: (id: string, values: Updateable<Database['shifts']>, trx: Db = db) =>
      trx
        .updateTable('shifts')
        .set({ ...values, version: sql`version + 1` })
        .where('id', '=', id)
        .execute(),

    replaceRoles: async (shiftId: string, roles: RoleSlot[], trx: Db = db) => {
      await trx.deleteFrom('shift_roles').where('shift_id', '=', shiftId).execute();
      if (roles.length)
        await trx
          .insertInto('shift_roles')
          .values(roles.map((r) => ({ shift_id: shiftId, name: r.name, capacity: r.capacity })))
          .execute();
    },

    /** The roles of the shifts among `ids` (a series edit compares them with the rule's). */
    rolesOfShifts: (ids: string[], trx: Db = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('shift_roles')
            .select(['shift_id', 'name', 'capacity'])
            .where('shift_id', 'in', ids)
            .execute(),

    /** Shift ids among `ids` that hold any live signup (not cancelled) or walk-in: those are "booked". */
    async bookedShiftIds(ids: string[], trx: Db = db): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await sql<{ shift_id: string }>`
        select shift_id from signups
        where shift_id in (${sql.join(ids)}) and status not in ('cancelled')
        union
        select shift_id from shift_walk_ins
        where shift_id in (${sql.join(ids)}) and removed_at is null
      `.execute(trx);
      return new Set(rows.rows.map((r) => r.shift_id));
    },

    series: (opportunityId: string, trx: Db = db) =>
      trx
        .selectFrom('shift_series')
        .selectAll()
        .where('opportunity_id', '=', opportunityId)
        .orderBy('created_at')
        .execute(),

    findSeries: (opportunityId: string, seriesId: string, trx: Db = db) =>
      trx
        .selectFrom('shift_series')
        .selectAll()
        .where('id', '=', seriesId)
        .where('opportunity_id', '=', opportunityId)
        .executeTakeFirst(),

    insertSeries: (values: Insertable<Database['shift_series']>, trx: Db = db) =>
      trx.insertInto('shift_series').values(values).returning('id').executeTakeFirstOrThrow(),

    updateSeries: (id: string, values: Updateable<Database['shift_series']>, trx: Db = db) =>
      trx.updateTable('shift_series').set(values).where('id', '=', id).execute(),

    /** The series' shifts that start after `now`, locked `for update` in id order (as cancellations lock them). */
    lockFutureSeriesShifts: (seriesId: string, now: Date, trx: Db) =>
      trx
        .selectFrom('shifts')
        .selectAll()
        .where('series_id', '=', seriesId)
        .where('starts_at', '>', now)
        .orderBy('id')
        .forUpdate()
        .execute(),

    seriesShifts: (seriesId: string, trx: Db = db) =>
      trx
        .selectFrom('shifts')
        .selectAll()
        .where('series_id', '=', seriesId)
        .orderBy('occurrence_date')
        .execute(),

    /** One occurrence of a series; nothing (undefined) when the date is there already. */
    insertSeriesShift: (values: Insertable<Database['shifts']>, trx: Db) =>
      trx
        .insertInto('shifts')
        .values(values)
        .onConflict((oc) => oc.columns(['series_id', 'occurrence_date']).doNothing())
        .returning('id')
        .executeTakeFirst(),

    deleteShifts: async (ids: string[], trx: Db = db) => {
      if (ids.length) await trx.deleteFrom('shifts').where('id', 'in', ids).execute();
    },

    templates: (centerId: string, trx: Db = db) =>
      trx
        .selectFrom('shift_templates')
        .selectAll()
        .where('center_id', '=', centerId)
        .orderBy('name')
        .execute(),

    findTemplate: (id: string, trx: Db = db) =>
      trx.selectFrom('shift_templates').selectAll().where('id', '=', id).executeTakeFirst(),

    insertTemplate: (values: Insertable<Database['shift_templates']>, trx: Db = db) =>
      trx.insertInto('shift_templates').values(values).returningAll().executeTakeFirstOrThrow(),

    municipalityInRegion: async (id: string, regionId: string, trx: Db = db) =>
      (await trx
        .selectFrom('municipalities')
        .select('id')
        .where('id', '=', id)
        .where('region_id', '=', regionId)
        .where('effective_to', 'is', null)
        .executeTakeFirst()) !== undefined,

    /** Real (not placeholder) organizations of the region by name or INN, for the partner picker. */
    partnerCandidates: (regionId: string, q: string) => {
      let query = db
        .selectFrom('organizations')
        .select(['id', 'name', 'inn'])
        .where('region_id', '=', regionId)
        .where('is_placeholder', '=', false);
      const text = q.trim();
      if (text) {
        const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = /^\d{1,12}$/.test(text)
          ? query.where((eb) => eb.or([eb('name', 'ilike', like), eb('inn', 'like', `${text}%`)]))
          : query.where('name', 'ilike', like);
      }
      return query.orderBy('name').orderBy('id').limit(20).execute();
    },

    organizationInRegion: async (id: string, regionId: string, trx: Db = db) =>
      (await trx
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', id)
        .where('region_id', '=', regionId)
        .executeTakeFirst()) !== undefined,

    /** Skill codes that exist in the volunteers' vocabulary (all of them while it does not exist yet). */
    async unknownSkills(codes: string[], trx: Db = db): Promise<string[]> {
      if (!codes.length) return [];
      const exists = await sql<{ ok: boolean }>`select to_regclass('skills') is not null as ok`.execute(trx);
      if (!exists.rows[0]?.ok) return [];
      const rows = await sql<{
        code: string;
      }>`select code from skills where code in (${sql.join(codes)})`.execute(trx);
      const known = new Set(rows.rows.map((r) => r.code));
      return codes.filter((c) => !known.has(c));
    },

    birthDate: async (userId: string, trx: Db = db) =>
      (
        await trx
          .selectFrom('volunteer_profiles')
          .select('birth_date')
          .where('user_id', '=', userId)
          .executeTakeFirst()
      )?.birth_date ?? null,
  };
}
export type OpportunitiesRepo = ReturnType<typeof createOpportunitiesRepo>;
export type OpportunityRow = NonNullable<Awaited<ReturnType<OpportunitiesRepo['find']>>>;
export type ShiftsResult = Awaited<ReturnType<OpportunitiesRepo['shifts']>>;
export type SeriesRow = Awaited<ReturnType<OpportunitiesRepo['series']>>[number];
