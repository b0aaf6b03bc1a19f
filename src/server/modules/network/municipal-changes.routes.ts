import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { MunicipalChangesService } from './municipal-changes.service.js';

export function registerMunicipalChangeRoutes(
  app: FastifyInstance,
  deps: { municipalChanges: MunicipalChangesService },
) {
  const { municipalChanges } = deps;
  route(app, ep.recordMunicipalChange, {
    summary:
      'Record a conversion, merger, split, rename or abolition once (regional admin): predecessors end on the day, the successor takes over through the lineage',
    tags: ['admin'],
    status: 201,
    handler: async ({ body }, request) => ({ change: await municipalChanges.record(request.actor, body) }),
  });
  route(app, ep.municipalChanges, {
    summary: 'Recorded changes of the municipal structure, newest first',
    tags: ['public'],
    handler: async () => ({ items: await municipalChanges.list() }),
  });
}
