/** The public surface of this module: other modules and code outside it import only this file. */
export { type PlanModuleServices, planModule } from './plan.module.js';
export { seedPlanHistory } from './plan.seed.js';
export type { PlanTables } from './plan.tables.js';
