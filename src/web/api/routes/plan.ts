import type { planEndpoints } from '../../../shared/contracts/plan.endpoints';
import type { RouteTable } from '../route-table';

export const planRoutes: RouteTable<keyof typeof planEndpoints> = {
  planTargets: { method: 'GET', path: '/api/plan/targets' },
  createPlanTarget: { method: 'POST', path: '/api/plan/targets' },
  updatePlanTarget: { method: 'PATCH', path: '/api/plan/targets/:id' },
  removePlanTarget: { method: 'POST', path: '/api/plan/targets/:id/remove' },
  planHistory: { method: 'GET', path: '/api/plan/history' },
  dashboard: { method: 'GET', path: '/api/plan/dashboard' },
};
