/**
 * The profile photo: upload (raw image bytes in the body, in an encapsulated scope with the raw-body
 * parser), removal, and the image itself for those allowed to see it (private cache, never sniffed).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Problem } from '../../../shared/contracts/common.js';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { OwnProfileEnvelope } from '../../../shared/contracts/volunteers.js';
import { route } from '../../platform/http/route.js';
import { acceptRawBody, fileEmpty } from '../../platform/storage/uploads.js';
import type { PhotosService } from './photos.service.js';

const UploadQuery = Type.Object(
  { name: Type.Optional(Type.String({ maxLength: 255, description: 'Original file name (ignored)' })) },
  { additionalProperties: false },
);

export function registerVolunteerPhotoRoutes(app: FastifyInstance, photos: PhotosService) {
  app.register(async (scope) => {
    acceptRawBody(scope, photos.maxBytes);
    scope.put(
      '/api/volunteers/me/photo',
      {
        schema: {
          summary: 'Upload or replace the own profile photo: raw JPEG/PNG bytes in the body (at most 5 MB)',
          tags: ['volunteers'],
          querystring: UploadQuery,
          response: { 200: OwnProfileEnvelope, '4xx': Problem, '5xx': Problem },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw fileEmpty();
        return photos.upload(request.actor, body);
      },
    );
  });

  route(app, ep.removeMyVolunteerPhoto, {
    summary: 'Remove the own profile photo',
    tags: ['volunteers'],
    handler: (_input, request) => photos.remove(request.actor),
  });

  route(app, ep.volunteerPhoto, {
    summary: "A volunteer's photo: the volunteer, coordinators of their centres, other coordinators if shown",
    tags: ['volunteers'],
    handler: ({ params }, request) => photos.download(request.actor, params.userId),
  });
}
