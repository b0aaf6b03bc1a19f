import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import { route } from '../../platform/http/route.js';
import type { AdminService } from './admin.service.js';

export function registerAdminRoutes(app: FastifyInstance, deps: { admin: AdminService }) {
  route(app, ep.downloadBackup, {
    summary:
      'Download a consistent backup of the whole database (regional admin); restore with `dobroset restore`',
    tags: ['admin'],
    handler: async (_input, request) => {
      const backup = await deps.admin.backup(request.actor);
      const body = fs.createReadStream(backup.file);
      body.once('close', backup.cleanup);
      return { body, filename: backup.filename, length: backup.size };
    },
  });
}
