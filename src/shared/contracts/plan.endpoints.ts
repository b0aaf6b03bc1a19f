/** Endpoints of the plan feature; spread into the shared endpoint table (endpoints.ts). */
import { Type } from 'typebox';
import * as P from './plan.js';

export const planEndpoints = {
  planTargets: { method: 'GET', path: '/api/plan/targets', response: P.PlanTargetList },
  createPlanTarget: {
    method: 'POST',
    path: '/api/plan/targets',
    body: P.CreatePlanTargetBody,
    response: P.PlanTargetEnvelope,
  },
  updatePlanTarget: {
    method: 'PATCH',
    path: '/api/plan/targets/:id',
    params: P.PlanTargetParams,
    body: P.UpdatePlanTargetBody,
    response: P.PlanTargetEnvelope,
  },
  removePlanTarget: {
    method: 'POST',
    path: '/api/plan/targets/:id/remove',
    params: P.PlanTargetParams,
    body: P.RemovePlanTargetBody,
    response: Type.Null(),
  },
  planHistory: {
    method: 'GET',
    path: '/api/plan/history',
    query: P.PlanHistoryQuery,
    response: P.PlanHistory,
  },
  dashboard: { method: 'GET', path: '/api/plan/dashboard', response: P.Dashboard },
} as const;
