/** The public surface of this module: other modules and code outside it import only this file. */
export type { CenterOpenings, NewCenter } from './center-openings.js';
export { type CentersModuleServices, centersModule } from './centers.module.js';
export type { CentersService } from './centers.service.js';
export type { NewServiceKind, ServiceKindChange, ServiceKinds } from './service-kinds.js';
