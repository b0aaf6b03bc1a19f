/** The plan module's manifest: rollout targets and the operator's dashboard. */
import { defineModule } from '../../platform/module.js';
import type { NetworkService } from '../network/index.js';
import type { DashboardService } from './dashboard.service.js';
import { registerPlanRoutes } from './plan.routes.js';
import type { PlanService } from './plan.service.js';
import { createPlanServices } from './plan.wiring.js';

export type PlanModuleServices = { plan: PlanService; dashboard: DashboardService };

export const planModule = defineModule({
  name: 'plan',
  needs: ['network'],
  create: ({ db, clock, audit }, { network }: { network: NetworkService }): PlanModuleServices =>
    createPlanServices({ db, network, clock, audit }),
  register: (app, services) => registerPlanRoutes(app, services),
});
