/**
 * File endpoints of the shared endpoint table (`file` in place of `response`, shared/contracts/files.ts),
 * registered through `route()`: params and query validated by their schemas, authorization in the
 * handler's service call as for JSON, errors as problem+json, and once for every download: Content-Type
 * (one of the declared media types), Content-Length, Content-Disposition with a safe RFC 6266 file name,
 * Cache-Control, `nosniff`, and the OpenAPI answer as binary content by media type.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Problem } from '../../../shared/contracts/common.js';
import type { FileResponse } from '../../../shared/contracts/files.js';
import { safeFileName } from '../storage/uploads.js';

export type FileEndpoint = {
  method: 'GET';
  path: string;
  params?: TSchema;
  query?: TSchema;
  file: FileResponse;
};

/** What a file handler answers: the shape the services' downloads already have. */
export type FileReply = {
  /** Bytes, text (sent as UTF-8) or a stream. */
  body: Buffer | string | Readable;
  /** Content-Type, one the endpoint declares; may be left out when it declares only one. */
  contentType?: string;
  /** The name to save under (`attachment`); made safe by `safeFileName` before it goes out. */
  filename?: string;
  /** Content-Length of a streamed body, when known (bytes and text get theirs from Fastify). */
  length?: number;
};

type FileInput<E extends FileEndpoint> = {
  params: E['params'] extends TSchema ? Static<E['params']> : Record<string, never>;
  query: E['query'] extends TSchema ? Static<E['query']> : Record<string, never>;
};

export type FileRouteOptions<E extends FileEndpoint> = {
  summary: string;
  tags: string[];
  handler: (input: FileInput<E>, request: FastifyRequest, reply: FastifyReply) => Promise<FileReply>;
};

const BINARY = { schema: { type: 'string', format: 'binary' } };

export function registerFileRoute<E extends FileEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  operationId: string | undefined,
  options: FileRouteOptions<E>,
) {
  const spec = endpoint.file;
  app.route({
    method: 'GET',
    url: endpoint.path,
    schema: {
      ...(operationId ? { operationId } : {}),
      summary: options.summary,
      tags: options.tags,
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      response: {
        200: {
          description: spec.description,
          content: Object.fromEntries(spec.types.map((type) => [type, BINARY])),
        },
        '4xx': Problem,
        '5xx': Problem,
      },
    },
    handler: async (request, reply) => {
      const input = { params: request.params, query: request.query } as FileInput<E>;
      const file = await options.handler(input, request, reply);
      const type = file.contentType ?? (spec.types.length === 1 ? spec.types[0] : undefined);
      if (type === undefined || !spec.types.includes(type)) {
        if (file.body instanceof Readable) file.body.destroy();
        throw new Error(`${endpoint.path} answered ${type}, not one of ${spec.types.join(', ')}`);
      }
      reply.header('content-type', type);
      if (Buffer.isBuffer(file.body)) reply.header('content-length', file.body.length);
      else if (file.length !== undefined) reply.header('content-length', file.length);
      if (spec.disposition) {
        const name =
          file.filename === undefined ? undefined : safeFileName(file.filename, mediaType(type), 'download');
        reply.header(
          'content-disposition',
          name === undefined
            ? spec.disposition
            : contentDisposition(name, { kind: spec.disposition, names: spec.names ?? 'made' }),
        );
      }
      reply.header('x-content-type-options', 'nosniff');
      if (spec.cache) reply.header('cache-control', spec.cache);
      return reply.send(file.body);
    },
  });
}

/** `text/csv; charset=utf-8` → `text/csv`. */
const mediaType = (contentType: string) => (contentType.split(';')[0] as string).trim().toLowerCase();

/**
 * `attachment; filename="ascii"` (RFC 6266), plus `filename*=UTF-8''…` (RFC 8187) for names people chose
 * (`uploaded`, the default) and for any name that is not plain ASCII: Cyrillic names survive, and the
 * quoted fallback never carries a quote, a backslash or a non-ASCII character.
 */
export function contentDisposition(
  fileName: string,
  options: { kind?: 'attachment' | 'inline'; names?: 'made' | 'uploaded' } = {},
): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const plain = `${options.kind ?? 'attachment'}; filename="${ascii}"`;
  if ((options.names ?? 'uploaded') === 'made' && ascii === fileName) return plain;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${plain}; filename*=UTF-8''${encoded}`;
}
