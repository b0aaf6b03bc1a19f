import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { NotificationsService } from './notifications.service.js';

export function registerNotificationRoutes(
  app: FastifyInstance,
  deps: { notifications: NotificationsService },
) {
  const { notifications } = deps;
  route(app, ep.notifications, {
    summary: 'My in-app notifications: unread first, then newest first',
    tags: ['notifications'],
    handler: ({ query }, request) => notifications.list(request.actor, query),
  });
  route(app, ep.unreadNotifications, {
    summary: 'How many of my notifications are unread',
    tags: ['notifications'],
    handler: (_input, request) => notifications.unreadCount(request.actor),
  });
  route(app, ep.markNotificationRead, {
    summary: 'Mark one of my notifications read',
    tags: ['notifications'],
    handler: async ({ params }, request) => {
      await notifications.markRead(request.actor, params.id);
      return null;
    },
  });
  route(app, ep.markAllNotificationsRead, {
    summary: 'Mark all my notifications read',
    tags: ['notifications'],
    handler: (_input, request) => notifications.markAllRead(request.actor),
  });
}
