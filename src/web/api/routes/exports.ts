import type { exportsEndpoints } from '../../../shared/contracts/exports.endpoints';
import type { RouteTable } from '../route-table';

export const exportsRoutes: RouteTable<keyof typeof exportsEndpoints> = {
  exportCentersCsv: { method: 'GET', path: '/api/exports/centers.csv' },
  exportCentersXlsx: { method: 'GET', path: '/api/exports/centers.xlsx' },
  exportOrganizationsCsv: { method: 'GET', path: '/api/exports/organizations.csv' },
  exportOrganizationsXlsx: { method: 'GET', path: '/api/exports/organizations.xlsx' },
  exportApplicationsCsv: { method: 'GET', path: '/api/exports/applications.csv' },
  exportApplicationsXlsx: { method: 'GET', path: '/api/exports/applications.xlsx' },
};
