/** The public surface of this module: other modules and code outside it import only this file. */
export { type ApplicationsModuleServices, applicationsModule } from './applications.module.js';
export { seedApplicationDefaults } from './applications.seed.js';
export type { ApplicationsTables } from './applications.tables.js';
