/** Typed SQL for in-app notifications. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { NotificationParams } from './notifications.tables.js';

type Db = Kysely<Database>;

export function createNotificationsRepo(db: Db) {
  return {
    insertMany: (
      rows: {
        user_id: string;
        kind: string;
        params: NotificationParams;
        link: string | null;
        created_at: Date;
      }[],
      trx: Db = db,
    ) =>
      rows.length === 0
        ? Promise.resolve()
        : trx
            .insertInto('notifications')
            .values(rows.map((r) => ({ ...r, params: JSON.stringify(r.params) })))
            .execute()
            .then(() => undefined),

    /** Unread first, then newest first. */
    list: (userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }, trx: Db = db) => {
      let q = trx.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (opts.unreadOnly) q = q.where('read_at', 'is', null);
      return q
        .orderBy(sql`read_at is null`, 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('seq', 'desc')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute();
    },

    counts: async (userId: string, trx: Db = db) => {
      const row = await trx
        .selectFrom('notifications')
        .select([
          sql<number>`count(*)::int`.as('total'),
          sql<number>`(count(*) filter (where read_at is null))::int`.as('unread'),
        ])
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return row;
    },

    markRead: (userId: string, id: string, at: Date, trx: Db = db) =>
      trx
        .updateTable('notifications')
        .set({ read_at: sql<Date>`coalesce(read_at, ${at})` })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst(),

    markAllRead: (userId: string, at: Date, trx: Db = db) =>
      trx
        .updateTable('notifications')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .execute(),
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
