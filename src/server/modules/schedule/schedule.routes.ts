import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { ScheduleService } from './schedule.service.js';

export function registerScheduleRoutes(app: FastifyInstance, deps: { schedule: ScheduleService }) {
  route(app, ep.centerSchedule, {
    summary: "The centre's shifts day by day (region's clock) with places, approvals, waitlist and arrivals",
    tags: ['opportunities'],
    handler: ({ params, query }, request) => deps.schedule.forCenter(request.actor, params.id, query),
  });
}
