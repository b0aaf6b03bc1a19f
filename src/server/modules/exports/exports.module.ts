/** The exports module's manifest: registry exports as CSV and XLSX. */
import { defineModule } from '../../platform/module.js';
import type { NetworkService } from '../network/index.js';
import { createExportsRepo } from './exports.repo.js';
import { registerExportRoutes } from './exports.routes.js';
import { createExportsService, type ExportsService } from './exports.service.js';

export type ExportsModuleServices = { exports: ExportsService };

export const exportsModule = defineModule({
  name: 'exports',
  needs: ['network'],
  create: ({ db, clock, audit }, { network }: { network: NetworkService }): ExportsModuleServices => ({
    exports: createExportsService({ db, repo: createExportsRepo(db), network, clock, audit }),
  }),
  register: (app, services) => registerExportRoutes(app, services),
});
