/**
 * Registers a route from the shared endpoint table, so validation, TypeScript types and OpenAPI all come
 * from one schema. Every route declares its response schema (extra fields are stripped) and problems;
 * a file endpoint (`file` in place of `response`) answers with bytes through `file-route.ts`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Problem } from '../../../shared/contracts/common.js';
import { endpoints } from '../../../shared/contracts/endpoints.js';
import { EditConflict, etagOf, type IfMatch, parseIfMatch } from './etag.js';
import { type FileEndpoint, type FileRouteOptions, registerFileRoute } from './file-route.js';

/** Endpoint → its name in the shared table, the operation's `operationId` in the OpenAPI document. */
const endpointNames = new Map<object, string>(Object.entries(endpoints).map(([name, e]) => [e, name]));

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
  /** The parsed `If-Match` of a write (PATCH, PUT, POST, DELETE); the edit compares it (ADR 0017). */
  ifMatch?: IfMatch;
};

export type RouteOptions<E extends Endpoint> = {
  summary: string;
  tags: string[];
  status?: number;
  rateLimit?: { max: number; timeWindow: string };
  /** Other statuses that also answer with the endpoint's response schema (e.g. 503 from readiness). */
  alsoStatuses?: number[];
  /** The version of the record this answer represents: sent as its strong `ETag` (ADR 0017). */
  etag?: (result: Static<E['response']>, input: Input<E>) => number | null | undefined;
  handler: (
    input: Input<E>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<Static<E['response']> | null | undefined>;
};

export function route<E extends FileEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  options: FileRouteOptions<E>,
): void;
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, options: RouteOptions<E>): void;
export function route(
  app: FastifyInstance,
  endpoint: Endpoint | FileEndpoint,
  options: RouteOptions<Endpoint> | FileRouteOptions<FileEndpoint>,
): void {
  if ('file' in endpoint) {
    registerFileRoute(app, endpoint, endpointNames.get(endpoint), options as FileRouteOptions<FileEndpoint>);
    return;
  }
  jsonRoute(app, endpoint, options as RouteOptions<Endpoint>);
}

function jsonRoute<E extends Endpoint>(app: FastifyInstance, endpoint: E, options: RouteOptions<E>) {
  const status = options.status ?? ((endpoint.response as { type?: unknown }).type === 'null' ? 204 : 200);
  app.route({
    method: endpoint.method as 'GET',
    url: endpoint.path,
    schema: {
      ...(endpointNames.has(endpoint) ? { operationId: endpointNames.get(endpoint) } : {}),
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
      if (request.method !== 'GET' && request.method !== 'HEAD')
        input.ifMatch = parseIfMatch(request.headers['if-match']);
      let result: Awaited<ReturnType<typeof options.handler>>;
      try {
        result = await options.handler(input, request, reply);
      } catch (error) {
        // A 412 tells the client which version is current now.
        if (error instanceof EditConflict) reply.header('etag', etagOf(error.currentVersion));
        throw error;
      }
      const version = result && options.etag ? options.etag(result, input) : undefined;
      if (typeof version === 'number') reply.header('etag', etagOf(version));
      if (status === 204) return reply.status(204).send();
      if (reply.statusCode !== 200 && options.alsoStatuses?.includes(reply.statusCode))
        return reply.send(result);
      return reply.status(status).send(result);
    },
  });
}
