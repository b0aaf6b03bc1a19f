/** The public surface of this module: other modules and code outside it import only this file. */
export { type OrganizationsModuleServices, organizationsModule } from './organizations.module.js';
export type { OrganizationsService } from './organizations.service.js';
export type { OrganizationsTables } from './organizations.tables.js';
