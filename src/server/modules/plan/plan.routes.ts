import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { DashboardService } from './dashboard.service.js';
import type { PlanService } from './plan.service.js';

export function registerPlanRoutes(
  app: FastifyInstance,
  deps: { plan: PlanService; dashboard: DashboardService },
) {
  const { plan, dashboard } = deps;
  const tags = ['plan'];
  route(app, ep.planTargets, {
    summary: 'The rollout plan: targets by date (operator)',
    tags,
    handler: (_input, request) => plan.list(request.actor),
  });
  route(app, ep.createPlanTarget, {
    summary: 'Add a target (operator); a second target of the same kind and date is refused with 409',
    tags,
    status: 201,
    handler: ({ body }, request) => plan.create(request.actor, body),
  });
  route(app, ep.updatePlanTarget, {
    summary: 'Change a target’s value, due date or note; the comment (why) is required',
    tags,
    handler: ({ params, body, ifMatch }, request) => plan.update(request.actor, params.id, body, ifMatch),
    etag: (r) => r.target.version,
  });
  route(app, ep.removePlanTarget, {
    summary: 'Remove a target; the comment (why) is required and the history keeps it',
    tags,
    handler: async ({ params, body, ifMatch }, request) => {
      await plan.remove(request.actor, params.id, body, ifMatch);
      return null;
    },
  });
  route(app, ep.planHistory, {
    summary: 'Revisions of the plan, newest first (all, or of one target)',
    tags,
    handler: ({ query }, request) => plan.history(request.actor, query),
  });
  route(app, ep.dashboard, {
    summary: 'Plan vs actual: targets with gap and forecast, the monthly series and the pipeline (operator)',
    tags,
    handler: (_input, request) => dashboard.dashboard(request.actor),
  });
}
