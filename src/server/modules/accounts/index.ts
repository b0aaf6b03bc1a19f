/** The public surface of this module: other modules and code outside it import only this file. */

export { ACCOUNT_MAIL_QUEUE } from './accounts.jobs.js';
export { type AccountsModuleServices, accountsModule } from './accounts.module.js';
export { createAccountsRepo } from './accounts.repo.js';
export { type AccountsService, createAccountsService } from './accounts.service.js';
export type { ConsentGiven, ConsentRecords } from './consent-records.js';
export { normalizeEmail } from './email.js';
export type { RoleGrant, RoleGrants } from './role-grants.js';
export { createSessionsRepo } from './sessions.repo.js';
export { createSessionService, type SessionService } from './sessions.service.js';
