/**
 * Document uploads (raw bytes in the body) and downloads (a file endpoint of the shared table). The upload
 * is registered in its own encapsulated scope, so the catch-all body parser applies to it only; the CSRF
 * header check, sessions and problem handling are inherited from the root.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ApplicationDocumentEnvelope,
  ApplicationDocumentParams,
} from '../../../shared/contracts/applications.js';
import { Problem } from '../../../shared/contracts/common.js';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { AppError } from '../../platform/errors.js';
import { route } from '../../platform/http/route.js';
import { acceptRawBody } from '../../platform/storage/uploads.js';
import type { ApplicationsService } from './applications.service.js';

const UploadQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255, description: 'Original file name (UTF-8)' }) },
  { additionalProperties: false },
);

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

  route(app, ep.applicationDocumentVersion, {
    summary: 'Download one version of a document (applicant and operator)',
    tags: ['applications'],
    handler: async ({ params }, request) => {
      const file = await applications.downloadVersion(request.actor, params.id, params.kind, params.version);
      return { body: file.body, contentType: file.contentType, filename: file.fileName };
    },
  });
}
