/** Typed SQL for centres' work logs. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { WorkLogEntriesTable, WorkLogKindColumn } from './monitoring.tables.js';

type Db = Kysely<Database>;
export type EntryFilter = { kind?: WorkLogKindColumn; from?: string; to?: string; removed?: boolean };
export type EntryRow = Selectable<WorkLogEntriesTable>;
export type EntryChange = Partial<
  Pick<
    EntryRow,
    'kind' | 'audience' | 'occurred_on' | 'title' | 'quantity' | 'people_reached' | 'link' | 'note'
  >
>;

const entriesWithPeople = (trx: Db) =>
  trx
    .selectFrom('work_log_entries as e')
    .leftJoin('users as ua', 'ua.id', 'e.author_id')
    .leftJoin('users as uu', 'uu.id', 'e.updated_by')
    .leftJoin('users as ud', 'ud.id', 'e.deleted_by')
    .selectAll('e')
    .select([
      'ua.display_name as author_name',
      'uu.display_name as updated_by_name',
      'ud.display_name as deleted_by_name',
    ]);
export type EntryWithPeople = Awaited<
  ReturnType<ReturnType<typeof entriesWithPeople>['executeTakeFirstOrThrow']>
>;

export function createWorkLogRepo(db: Db) {
  return {
    list: (centerId: string, f: EntryFilter, trx: Db = db) => {
      let q = entriesWithPeople(trx).where('e.center_id', '=', centerId);
      if (f.kind) q = q.where('e.kind', '=', f.kind);
      if (f.from) q = q.where('e.occurred_on', '>=', f.from);
      if (f.to) q = q.where('e.occurred_on', '<=', f.to);
      if (!f.removed) q = q.where('e.deleted_at', 'is', null);
      return q.orderBy('e.occurred_on', 'desc').orderBy('e.created_at', 'desc').execute();
    },

    one: (centerId: string, id: string, trx: Db = db) =>
      entriesWithPeople(trx).where('e.center_id', '=', centerId).where('e.id', '=', id).executeTakeFirst(),

    /** Per kind over the filter (removed entries never count). */
    totals: (centerId: string, f: EntryFilter, trx: Db = db) => {
      let q = trx
        .selectFrom('work_log_entries')
        .select([
          'kind',
          sql<number>`count(*)::int`.as('entries'),
          sql<number>`coalesce(sum(quantity), 0)::int`.as('quantity'),
          sql<number>`coalesce(sum(people_reached), 0)::int`.as('people_reached'),
        ])
        .where('center_id', '=', centerId)
        .where('deleted_at', 'is', null);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.from) q = q.where('occurred_on', '>=', f.from);
      if (f.to) q = q.where('occurred_on', '<=', f.to);
      return q.groupBy('kind').execute();
    },

    insert: (values: Insertable<WorkLogEntriesTable>, trx: Db = db) =>
      trx.insertInto('work_log_entries').values(values).returning('id').executeTakeFirstOrThrow(),

    lock: (centerId: string, id: string, trx: Db) =>
      trx
        .selectFrom('work_log_entries')
        .selectAll()
        .where('center_id', '=', centerId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    update: (
      id: string,
      set: EntryChange & {
        version: number;
        updated_by?: string;
        updated_at?: Date;
        deleted_by?: string;
        deleted_at?: Date;
        deleted_reason?: string;
      },
      trx: Db,
    ) => trx.updateTable('work_log_entries').set(set).where('id', '=', id).execute(),

    insertRevision: (
      values: {
        entry_id: string;
        version: number;
        action: 'corrected' | 'removed';
        snapshot: string;
        actor_id: string;
        at: Date;
        reason: string | null;
      },
      trx: Db,
    ) => trx.insertInto('work_log_revisions').values(values).execute(),

    revisions: (entryId: string, trx: Db = db) =>
      trx
        .selectFrom('work_log_revisions as r')
        .leftJoin('users as u', 'u.id', 'r.actor_id')
        .selectAll('r')
        .select('u.display_name as actor_name')
        .where('r.entry_id', '=', entryId)
        .orderBy('r.version', 'desc')
        .execute(),

    /** Σ quantity per centre and kind in [from, to], removed entries excluded (the monitoring basis). */
    countsByCenter: (centerIds: string[], from: string, to: string, trx: Db = db) =>
      centerIds.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('work_log_entries')
            .select(['center_id', 'kind', sql<number>`coalesce(sum(quantity), 0)::int`.as('quantity')])
            .where('center_id', 'in', centerIds)
            .where('deleted_at', 'is', null)
            .where('occurred_on', '>=', from)
            .where('occurred_on', '<=', to)
            .groupBy(['center_id', 'kind'])
            .execute(),
  };
}
export type WorkLogRepo = ReturnType<typeof createWorkLogRepo>;
