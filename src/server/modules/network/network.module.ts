/** The network module's manifest: region, municipalities and their recorded changes, public centres. */
import { defineModule } from '../../platform/module.js';
import { createMunicipalChangesRepo } from './municipal-changes.repo.js';
import { registerMunicipalChangeRoutes } from './municipal-changes.routes.js';
import { createMunicipalChangesService, type MunicipalChangesService } from './municipal-changes.service.js';
import { createNetworkRepo } from './network.repo.js';
import { registerNetworkRoutes } from './network.routes.js';
import { createNetworkService, type NetworkService } from './network.service.js';

export type NetworkModuleServices = {
  network: NetworkService;
  municipalChanges: MunicipalChangesService;
};

export const networkModule = defineModule({
  name: 'network',
  needs: [],
  create({ db, clock, audit }): NetworkModuleServices {
    const network = createNetworkService({ repo: createNetworkRepo(db), clock });
    const municipalChanges = createMunicipalChangesService({
      db,
      repo: createMunicipalChangesRepo(db),
      network,
      clock,
      audit,
    });
    return { network, municipalChanges };
  },
  register(app, { network, municipalChanges }) {
    registerNetworkRoutes(app, { network });
    registerMunicipalChangeRoutes(app, { municipalChanges });
  },
});
