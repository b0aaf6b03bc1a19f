/** The admin module's manifest: the operator's online backup download. */
import { defineModule } from '../../platform/module.js';
import type { NetworkService } from '../network/index.js';
import { registerAdminRoutes } from './admin.routes.js';
import { type AdminService, createAdminService } from './admin.service.js';

export type AdminModuleServices = { admin: AdminService };

export const adminModule = defineModule({
  name: 'admin',
  needs: ['network'],
  create: (
    { db, databaseUrl, clock, audit, files },
    { network }: { network: NetworkService },
  ): AdminModuleServices => ({
    admin: createAdminService({ db, clock, audit, network, files, copyUrl: databaseUrl }),
  }),
  register: (app, services) => registerAdminRoutes(app, services),
});
