import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Problem } from '../../../shared/contracts/common.js';
import type { AdminService } from './admin.service.js';

export function registerAdminRoutes(app: FastifyInstance, deps: { admin: AdminService }) {
  app.get(
    '/api/admin/backup',
    {
      schema: {
        summary:
          'Download a consistent backup of the whole database (regional admin); restore with `dobroset restore`',
        tags: ['admin'],
        produces: ['application/gzip'],
        response: {
          200: { type: 'string', format: 'binary', description: 'gzip JSON lines (see docs/adr/0005)' },
          '4xx': Problem,
          '5xx': Problem,
        },
      },
    },
    async (request, reply) => {
      const backup = await deps.admin.backup(request.actor);
      const stream = fs.createReadStream(backup.file);
      stream.once('close', backup.cleanup);
      return reply
        .header('content-type', 'application/gzip')
        .header('content-length', backup.size)
        .header('content-disposition', `attachment; filename="${backup.filename}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
