/**
 * Registers a route from the shared endpoint table, so validation, TypeScript types and OpenAPI all come
 * from one schema. Every route declares its response schema (extra fields are stripped) and problems.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Problem } from '../../../shared/contracts/common.js';

type Endpoint = {
  method: string;
  path: string;
  body?: TSchema;
  params?: TSchema;
  query?: TSchema;
  response: TSchema;
};

type Input<E extends Endpoint> = {
  body: E['body'] extends TSchema ? Static<E['body']> : undefined;
  params: E['params'] extends TSchema ? Static<E['params']> : Record<string, never>;
  query: E['query'] extends TSchema ? Static<E['query']> : Record<string, never>;
};

export type RouteOptions<E extends Endpoint> = {
  summary: string;
  tags: string[];
  status?: number;
  rateLimit?: { max: number; timeWindow: string };
  /** Other statuses that also answer with the endpoint's response schema (e.g. 503 from readiness). */
  alsoStatuses?: number[];
  handler: (
    input: Input<E>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<Static<E['response']> | null | undefined>;
};

export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, options: RouteOptions<E>) {
  const status = options.status ?? ((endpoint.response as { type?: unknown }).type === 'null' ? 204 : 200);
  app.route({
    method: endpoint.method as 'GET',
    url: endpoint.path,
    schema: {
      summary: options.summary,
      tags: options.tags,
      ...(endpoint.body ? { body: endpoint.body } : {}),
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      response: {
        [status]: status === 204 ? { type: 'null', description: 'No content' } : endpoint.response,
        '4xx': Problem,
        '5xx': Problem,
        ...Object.fromEntries((options.alsoStatuses ?? []).map((s) => [s, endpoint.response])),
      },
    },
    ...(options.rateLimit ? { config: { rateLimit: options.rateLimit } } : {}),
    handler: async (request, reply) => {
      const input = { body: request.body, params: request.params, query: request.query } as Input<E>;
      const result = await options.handler(input, request, reply);
      if (status === 204) return reply.status(204).send();
      if (reply.statusCode !== 200 && options.alsoStatuses?.includes(reply.statusCode))
        return reply.send(result);
      return reply.status(status).send(result);
    },
  });
}
