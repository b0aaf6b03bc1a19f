/** The public surface of this module: other modules and code outside it import only this file. */
export { type NotificationsModuleServices, notificationsModule } from './notifications.module.js';
export type { NotificationsService } from './notifications.service.js';
export type { NotificationsTables } from './notifications.tables.js';
