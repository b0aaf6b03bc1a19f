/** In-app notifications: a user's list, unread count, marking read. Any module may notify. */
import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './common.js';

export const Notification = Type.Object({
  id: Uuid,
  /** e.g. application.submitted, application.advanced, application.document_returned (see docs). */
  kind: Type.String(),
  /** Values for the message: applicationId, applicationName, organizationName, stage, comment, … */
  params: Type.Record(Type.String(), Nullable(Type.String())),
  /** A web path to open, e.g. /applications/<id>. */
  link: Nullable(Type.String()),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
export type Notification = Static<typeof Notification>;
export const NotificationListQuery = Type.Object(
  {
    unreadOnly: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export const NotificationList = Type.Object({
  /** Unread first, then newest first. */
  items: Type.Array(Notification),
  total: Type.Integer(),
  unread: Type.Integer(),
});
export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const NotificationIdParams = Type.Object({ id: Uuid });
