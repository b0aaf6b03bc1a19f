/**
 * In-app notifications: other modules call `notify` inside their own transaction (so a notification exists
 * exactly when the step it reports committed); users list theirs, mark one or all read.
 */
import type { Kysely } from 'kysely';
import type { Notification } from '../../../shared/contracts/applications.js';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { NotificationsRepo } from './notifications.repo.js';
import type { NotificationParams } from './notifications.tables.js';

export type NotificationInput = { kind: string; params: NotificationParams; link: string | null };

export function createNotificationsService(deps: {
  db: Kysely<Database>;
  repo: NotificationsRepo;
  clock: Clock;
}) {
  const { repo, clock } = deps;

  const view = (row: Awaited<ReturnType<NotificationsRepo['list']>>[number]): Notification => ({
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  });

  return {
    /** One row per distinct recipient, in the caller's transaction. */
    async notify(trx: Kysely<Database>, userIds: readonly string[], input: NotificationInput) {
      const at = clock.now();
      await repo.insertMany(
        [...new Set(userIds)].map((user_id) => ({ user_id, ...input, created_at: at })),
        trx,
      );
    },

    async list(actor: Actor, query: { unreadOnly?: boolean; limit?: number; offset?: number }) {
      const user = requireUser(actor);
      const rows = await repo.list(user.userId, {
        unreadOnly: query.unreadOnly ?? false,
        limit: query.limit ?? 20,
        offset: query.offset ?? 0,
      });
      const counts = await repo.counts(user.userId);
      return {
        items: rows.map(view),
        total: query.unreadOnly ? counts.unread : counts.total,
        unread: counts.unread,
      };
    },

    async unreadCount(actor: Actor) {
      const user = requireUser(actor);
      return { unread: (await repo.counts(user.userId)).unread };
    },

    /** Someone else's notification is "not found". */
    async markRead(actor: Actor, id: string) {
      const user = requireUser(actor);
      const result = await repo.markRead(user.userId, id, clock.now());
      if (Number(result.numUpdatedRows) === 0) throw notFound('notification');
    },

    async markAllRead(actor: Actor) {
      const user = requireUser(actor);
      await repo.markAllRead(user.userId, clock.now());
      return { unread: 0 };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
