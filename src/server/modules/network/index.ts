/** The public surface of this module: other modules and code outside it import only this file. */
export type { MunicipalChangesService } from './municipal-changes.service.js';
export { type NetworkModuleServices, networkModule } from './network.module.js';
export { toCenterView } from './network.presenter.js';
export { createNetworkRepo } from './network.repo.js';
export type { NetworkService } from './network.service.js';
