/** The notifications module's manifest: in-app notifications other modules write through the service. */
import { defineModule } from '../../platform/module.js';
import { createNotificationsRepo } from './notifications.repo.js';
import { registerNotificationRoutes } from './notifications.routes.js';
import { createNotificationsService, type NotificationsService } from './notifications.service.js';

export type NotificationsModuleServices = { notifications: NotificationsService };

export const notificationsModule = defineModule({
  name: 'notifications',
  needs: [],
  create: ({ db, clock }): NotificationsModuleServices => ({
    notifications: createNotificationsService({ db, repo: createNotificationsRepo(db), clock }),
  }),
  register: (app, services) => registerNotificationRoutes(app, services),
});
