import type { FastifyInstance } from 'fastify';
import { endpoints as ep } from '../../../shared/contracts/endpoints.js';
import type { ExportFormat } from '../../lib/spreadsheet.js';
import { route } from '../../platform/http/route.js';
import type { ExportName } from './exports.presenter.js';
import type { ExportsService } from './exports.service.js';

const WHAT: Record<ExportName, string> = {
  centers: 'All centres (every status) with their organization and municipality',
  organizations: 'The organization registry with identifiers, contacts and the number of representatives',
  applications: 'Applications for centre status: organization, municipality, stage and since when',
};

/** Each export's file endpoint: `GET /api/exports/{name}.{format}`. */
const ENDPOINTS = [
  ['centers', 'csv', ep.exportCentersCsv],
  ['centers', 'xlsx', ep.exportCentersXlsx],
  ['organizations', 'csv', ep.exportOrganizationsCsv],
  ['organizations', 'xlsx', ep.exportOrganizationsXlsx],
  ['applications', 'csv', ep.exportApplicationsCsv],
  ['applications', 'xlsx', ep.exportApplicationsXlsx],
] as const satisfies readonly (readonly [ExportName, ExportFormat, unknown])[];

/** `GET /api/exports/{centers,organizations,applications}.{csv,xlsx}` (regional admin): file downloads. */
export function registerExportRoutes(app: FastifyInstance, deps: { exports: ExportsService }) {
  for (const [name, format, endpoint] of ENDPOINTS) {
    route(app, endpoint, {
      summary: `${WHAT[name]} (regional admin); ${endpoint.file.description}`,
      tags: ['exports'],
      handler: (_input, request) =>
        deps.exports.download(request.actor, name, format, { requestId: request.id }),
    });
  }
}
