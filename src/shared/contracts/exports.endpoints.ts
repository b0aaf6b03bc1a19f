/**
 * The registry exports (regional admin): centres, organizations and applications as CSV for Excel or
 * XLSX, one file endpoint each; spread into the shared endpoint table (endpoints.ts).
 */
import { EXPORT_FILE, MEDIA } from './files.js';

const CSV = {
  ...EXPORT_FILE,
  types: [MEDIA.csv],
  description: 'CSV for Excel: UTF-8 with BOM, `;` separator, CRLF',
} as const;
const XLSX = { ...EXPORT_FILE, types: [MEDIA.xlsx], description: 'XLSX workbook, one sheet' } as const;

export const exportsEndpoints = {
  exportCentersCsv: { method: 'GET', path: '/api/exports/centers.csv', file: CSV },
  exportCentersXlsx: { method: 'GET', path: '/api/exports/centers.xlsx', file: XLSX },
  exportOrganizationsCsv: { method: 'GET', path: '/api/exports/organizations.csv', file: CSV },
  exportOrganizationsXlsx: { method: 'GET', path: '/api/exports/organizations.xlsx', file: XLSX },
  exportApplicationsCsv: { method: 'GET', path: '/api/exports/applications.csv', file: CSV },
  exportApplicationsXlsx: { method: 'GET', path: '/api/exports/applications.xlsx', file: XLSX },
} as const;
