/** The applications module's manifest: «Добро.Центр» status applications and the workflow settings. */
import { defineModule } from '../../platform/module.js';
import type { RoleGrants } from '../accounts/index.js';
import type { CenterOpenings, ServiceKinds } from '../centers/index.js';
import type { NetworkService } from '../network/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { registerApplicationRoutes } from './applications.routes.js';
import type { ApplicationsService } from './applications.service.js';
import { createApplicationServices } from './applications.wiring.js';
import type { SettingsService } from './settings.service.js';

export type ApplicationsModuleServices = {
  applications: ApplicationsService & { uploadMaxBytes: number };
  applicationSettings: SettingsService;
};

type Needs = {
  network: NetworkService;
  notifications: NotificationsService;
  /** Opening a centre (the last stage) goes through the centers module … */
  centerOpenings: CenterOpenings;
  /** … its coordinators get their role through the accounts module … */
  roles: RoleGrants;
  /** … and the settings edit the centre service vocabulary through the centers module. */
  serviceKinds: ServiceKinds;
};

export const applicationsModule = defineModule({
  name: 'applications',
  needs: ['network', 'notifications', 'centerOpenings', 'roles', 'serviceKinds'],
  create: ({ db, clock, audit, mailer, config, files }, needs: Needs): ApplicationsModuleServices =>
    createApplicationServices({
      db,
      clock,
      audit,
      mailer,
      config,
      store: files,
      network: needs.network,
      notifications: needs.notifications,
      centers: needs.centerOpenings,
      roles: needs.roles,
      serviceKinds: needs.serviceKinds,
    }),
  register: (app, services) => registerApplicationRoutes(app, services),
});
