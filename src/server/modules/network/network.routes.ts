import { createHash } from 'node:crypto';
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
    summary: 'Active centres; filters: municipality (slug), service (code), q (centre or organization name)',
    tags,
    handler: async ({ query }) => ({
      items: await network.centers({ municipality: query.municipality, service: query.service, q: query.q }),
    }),
  });
  route(app, ep.serviceKinds, {
    summary: 'The vocabulary of centre services (codes with Russian and English names)',
    tags,
    handler: async () => ({ items: await network.serviceKinds() }),
  });
  route(app, ep.municipalityShapes, {
    summary:
      'Shapes of all municipality records for the coverage map (GeoJSON geometries); cacheable, with ETag',
    tags,
    alsoStatuses: [304],
    handler: async (_input, request, reply) => {
      const body = { items: await network.shapes() };
      const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;
      reply.header('ETag', etag).header('Cache-Control', 'public, max-age=60, must-revalidate');
      if (request.headers['if-none-match'] === etag) {
        reply.code(304);
        return null;
      }
      return body;
    },
  });
}
