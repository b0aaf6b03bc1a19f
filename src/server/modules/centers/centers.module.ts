/** The centers module's manifest: a centre's profile and status; opening centres and the service vocabulary. */
import { defineModule } from '../../platform/module.js';
import type { NetworkService } from '../network/index.js';
import { type CenterOpenings, createCenterOpenings } from './center-openings.js';
import { createCentersRepo } from './centers.repo.js';
import { registerCenterRoutes } from './centers.routes.js';
import { type CentersService, createCentersService } from './centers.service.js';
import { createServiceKinds, type ServiceKinds } from './service-kinds.js';

export type CentersModuleServices = {
  centers: CentersService;
  /** Opening a centre inside another module's transaction (an application's last stage). */
  centerOpenings: CenterOpenings;
  /** The service vocabulary, edited from the applications module's settings. */
  serviceKinds: ServiceKinds;
};

export const centersModule = defineModule({
  name: 'centers',
  needs: ['network'],
  create({ db, clock, audit }, { network }: { network: NetworkService }): CentersModuleServices {
    const repo = createCentersRepo(db);
    return {
      centers: createCentersService({ db, repo, network, clock, audit }),
      centerOpenings: createCenterOpenings(repo),
      serviceKinds: createServiceKinds(repo),
    };
  },
  register: (app, { centers }) => registerCenterRoutes(app, { centers }),
});
