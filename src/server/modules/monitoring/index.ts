/** The public surface of this module: other modules and code outside it import only this file. */
export { type MonitoringModuleServices, monitoringModule } from './monitoring.module.js';
export { removeDemoWorkLog, seedDemoWorkLog } from './monitoring.seed.js';
export type { MonitoringTables } from './monitoring.tables.js';
