/** The public surface of this module: other modules and code outside it import only this file. */
export type { ConsentChangeListener } from './consent-changes.js';
export { type VolunteersModuleServices, volunteersModule } from './volunteers.module.js';
export type { VolunteersTables } from './volunteers.tables.js';
export type { VolunteerServices } from './volunteers.wiring.js';
