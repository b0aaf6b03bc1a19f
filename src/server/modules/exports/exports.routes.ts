import type { FastifyInstance } from 'fastify';
import { Problem } from '../../../shared/contracts/common.js';
import { CONTENT_TYPES, type ExportFormat } from './exports.formats.js';
import { EXPORTS, type ExportName } from './exports.presenter.js';
import type { ExportsService } from './exports.service.js';

const WHAT: Record<ExportName, string> = {
  centers: 'All centres (every status) with their organization and municipality',
  organizations: 'The organization registry with identifiers, contacts and the number of representatives',
  applications: 'Applications for centre status: organization, municipality, stage and since when',
};
const FORMAT: Record<ExportFormat, string> = {
  csv: 'CSV for Excel: UTF-8 with BOM, `;` separator, CRLF',
  xlsx: 'XLSX workbook, one sheet',
};

/** `GET /api/exports/{centers,organizations,applications}.{csv,xlsx}` (regional admin): file downloads. */
export function registerExportRoutes(app: FastifyInstance, deps: { exports: ExportsService }) {
  for (const name of EXPORTS) {
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/api/exports/${name}.${format}`,
        {
          schema: {
            summary: `${WHAT[name]} (regional admin); ${FORMAT[format]}`,
            tags: ['exports'],
            response: {
              200: {
                description: FORMAT[format],
                content: { [CONTENT_TYPES[format]]: { schema: { type: 'string', format: 'binary' } } },
              },
              '4xx': Problem,
              '5xx': Problem,
            },
          },
        },
        async (request, reply) => {
          const file = await deps.exports.download(request.actor, name, format, { requestId: request.id });
          return reply
            .header('content-type', file.contentType)
            .header('content-length', file.body.length)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('cache-control', 'no-store')
            .send(file.body);
        },
      );
    }
  }
}
