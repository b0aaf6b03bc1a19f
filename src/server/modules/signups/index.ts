/** The public surface of this module (check-in included): code outside it imports only this file. */
export type { CheckinServices } from './checkin.wiring.js';
export { type SignupsModuleServices, signupsModule } from './signups.module.js';
export type { SignupsTables } from './signups.tables.js';
export type { SignupServices } from './signups.wiring.js';
