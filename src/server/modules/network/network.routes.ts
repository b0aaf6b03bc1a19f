import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { NetworkService } from './network.service.js';

export function registerNetworkRoutes(app: FastifyInstance, deps: { network: NetworkService }) {
  const { network } = deps;
  const tags = ['public'];
  route(app, ep.region, {
    summary: 'The region and its rollout plan with actual figures',
    tags,
    handler: () => network.region(),
  });
  route(app, ep.summary, {
    summary: 'Live counts for the home page',
    tags,
    handler: () => network.summary(),
  });
  route(app, ep.municipalities, {
    summary: 'Municipalities in force on a day (default today) with their coverage state on that day',
    tags,
    handler: async ({ query }) => ({ items: await network.municipalities(query.on) }),
  });
  route(app, ep.centers, {
    summary: 'Active centres, optionally of one municipality (slug)',
    tags,
    handler: async ({ query }) => ({ items: await network.centers({ municipality: query.municipality }) }),
  });
}
