/** The opportunities module's manifest: opportunities, shifts and series, search, iCalendar. */
import { defineModule } from '../../platform/module.js';
import type { NetworkService } from '../network/index.js';
import { registerOpportunityRoutes } from './opportunities.routes.js';
import { createOpportunityServices, type OpportunityServices } from './opportunities.wiring.js';
import { defineRollupJobs } from './rollups.jobs.js';
import type { ShiftChangeListener } from './shift-changes.js';

export type OpportunitiesModuleServices = OpportunityServices;

type Needs = {
  network: NetworkService;
  /** Who is told when shifts change: the port the signups module implements. */
  shiftChanges: ShiftChangeListener;
};

export const opportunitiesModule = defineModule({
  name: 'opportunities',
  needs: ['network', 'shiftChanges'],
  create: (
    { db, clock, audit, config, jobs },
    { network, shiftChanges }: Needs,
  ): OpportunitiesModuleServices => {
    defineRollupJobs(jobs, db);
    return createOpportunityServices({ db, network, clock, audit, config, shiftChanges });
  },
  register: (app, services) => registerOpportunityRoutes(app, services),
});
