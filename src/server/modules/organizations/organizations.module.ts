/** The organizations module's manifest: the registry of organizations and their representatives. */
import { defineModule } from '../../platform/module.js';
import type { RoleGrants } from '../accounts/index.js';
import type { NetworkService } from '../network/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { createOrganizationsRepo } from './organizations.repo.js';
import { registerOrganizationRoutes } from './organizations.routes.js';
import { createOrganizationsService, type OrganizationsService } from './organizations.service.js';

export type OrganizationsModuleServices = { organizations: OrganizationsService };

type Needs = { network: NetworkService; notifications: NotificationsService; roles: RoleGrants };

export const organizationsModule = defineModule({
  name: 'organizations',
  needs: ['network', 'notifications', 'roles'],
  create: ({ db, clock, audit, mailer, config }, needs: Needs): OrganizationsModuleServices => ({
    organizations: createOrganizationsService({
      db,
      repo: createOrganizationsRepo(db),
      network: needs.network,
      clock,
      audit,
      mailer,
      publicUrl: config.publicUrl,
      notifications: needs.notifications,
      roles: needs.roles,
    }),
  }),
  register: (app, services) => registerOrganizationRoutes(app, services),
});
