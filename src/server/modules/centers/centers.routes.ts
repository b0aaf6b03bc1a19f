import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { CentersService } from './centers.service.js';

export function registerCenterRoutes(app: FastifyInstance, deps: { centers: CentersService }) {
  const { centers } = deps;
  route(app, ep.publicCenter, {
    summary: 'One active centre (suspended and closed centres are not shown)',
    tags: ['public'],
    handler: ({ params }) => centers.publicCenter(params.id),
    etag: (r) => r.center.version,
  });
  route(app, ep.centerHistory, {
    summary: "A centre's status history with reasons (operator and the centre's coordinators)",
    tags: ['centers'],
    handler: ({ params }, request) => centers.history(request.actor, params.id),
  });
  route(app, ep.updateCenterProfile, {
    summary:
      "Edit a centre's public profile (services, hours, contacts, description) — its coordinators, operator",
    tags: ['centers'],
    handler: ({ params, body, ifMatch }, request) =>
      centers.updateProfile(request.actor, params.id, body, ifMatch),
    etag: (r) => r.center.version,
  });
  route(app, ep.changeCenterStatus, {
    summary:
      'Suspend (reason required), reactivate or close (reason required, final) a centre — operator only',
    tags: ['centers'],
    handler: ({ params, body }, request) => centers.changeStatus(request.actor, params.id, body),
  });
}
