/**
 * Document uploads (raw bytes in the body) and downloads. Registered in their own encapsulated scope, so
 * the catch-all body parser below applies to the upload route only; the CSRF header check, sessions and
 * problem handling are inherited from the root.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ApplicationDocumentEnvelope,
  ApplicationDocumentParams,
  Code,
} from '../../../shared/contracts/applications.js';
import { Problem, Uuid } from '../../../shared/contracts/common.js';
import { AppError } from '../../platform/errors.js';
import { acceptRawBody } from '../../platform/storage/uploads.js';
import type { ApplicationsService } from './applications.service.js';
import { contentDisposition } from './uploads.js';

const UploadQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255, description: 'Original file name (UTF-8)' }) },
  { additionalProperties: false },
);
const VersionParams = Type.Object({
  id: Uuid,
  kind: Code,
  version: Type.Integer({ minimum: 1, maximum: 100_000 }),
});

export function registerApplicationFileRoutes(
  app: FastifyInstance,
  deps: { applications: ApplicationsService; uploadMaxBytes: number },
) {
  const { applications, uploadMaxBytes } = deps;

  app.register(async (scope) => {
    // Any declared type: the bytes decide. The size is counted while reading; over the limit → 413.
    acceptRawBody(scope, uploadMaxBytes);

    scope.post(
      '/api/applications/:id/documents/:kind',
      {
        schema: {
          summary:
            'Upload a new version of a checklist document: raw file bytes in the body, ?name=original name (applicant)',
          tags: ['applications'],
          params: ApplicationDocumentParams,
          querystring: UploadQuery,
          response: { 201: ApplicationDocumentEnvelope, '4xx': Problem, '5xx': Problem },
        },
      },
      async (request, reply) => {
        const params = request.params as { id: string; kind: string };
        const { name } = request.query as { name: string };
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('file_empty', 400, 'The file is empty.', [
            { field: 'file', code: 'file_empty', message: 'The file is empty.' },
          ]);
        }
        const result = await applications.uploadDocument(request.actor, params.id, params.kind, name, body);
        return reply.status(201).send(result);
      },
    );
  });

  app.get(
    '/api/applications/:id/documents/:kind/versions/:version',
    {
      schema: {
        summary: 'Download one version of a document (applicant and operator)',
        tags: ['applications'],
        params: VersionParams,
        response: {
          200: {
            description: 'The file as uploaded',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          '4xx': Problem,
          '5xx': Problem,
        },
      },
    },
    async (request, reply) => {
      const p = request.params as { id: string; kind: string; version: number };
      const file = await applications.downloadVersion(request.actor, p.id, p.kind, p.version);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.body.length)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
}
