/** The public surface of this module: other modules and code outside it import only this file. */
export { type OpportunitiesModuleServices, opportunitiesModule } from './opportunities.module.js';
export { canManageCenterOpportunities } from './opportunities.policy.js';
export { seedDemoOpportunities, seedOpportunityCategories } from './opportunities.seed.js';
export type { OpportunitiesTables } from './opportunities.tables.js';
export type { OpportunityServices } from './opportunities.wiring.js';
export type { ShiftChangeListener } from './shift-changes.js';
export { createShiftCheckinKeys, type ShiftCheckinKeys } from './shift-keys.repo.js';
