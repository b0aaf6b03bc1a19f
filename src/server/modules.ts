/**
 * Every module of the server, in the order they are built: a module comes after the modules whose
 * services it `needs` (runtime.ts checks it at start). Routes are registered in the same order.
 * Adding a module: docs/ARCHITECTURE.md, "Adding a module".
 */

import { type AccountsModuleServices, accountsModule } from './modules/accounts/index.js';
import { type AdminModuleServices, adminModule } from './modules/admin/index.js';
import { type ApplicationsModuleServices, applicationsModule } from './modules/applications/index.js';
import { type CentersModuleServices, centersModule } from './modules/centers/index.js';
import { type ExportsModuleServices, exportsModule } from './modules/exports/index.js';
import { type MonitoringModuleServices, monitoringModule } from './modules/monitoring/index.js';
import { type NetworkModuleServices, networkModule } from './modules/network/index.js';
import { type NotificationsModuleServices, notificationsModule } from './modules/notifications/index.js';
import { type OpportunitiesModuleServices, opportunitiesModule } from './modules/opportunities/index.js';
import { type OrganizationsModuleServices, organizationsModule } from './modules/organizations/index.js';
import { type PlanModuleServices, planModule } from './modules/plan/index.js';
import { type ScheduleModuleServices, scheduleModule } from './modules/schedule/index.js';
import { type SignupsModuleServices, signupsModule } from './modules/signups/index.js';
import { type SystemModuleServices, systemModule } from './modules/system/index.js';
import { type VolunteersModuleServices, volunteersModule } from './modules/volunteers/index.js';
import type { AnyModule } from './platform/module.js';

/** All services by name: what each module provides (and what the others may ask for in `needs`). */
export interface Services
  extends SystemModuleServices,
    AccountsModuleServices,
    NotificationsModuleServices,
    NetworkModuleServices,
    AdminModuleServices,
    CentersModuleServices,
    OrganizationsModuleServices,
    ExportsModuleServices,
    ApplicationsModuleServices,
    PlanModuleServices,
    MonitoringModuleServices,
    SignupsModuleServices,
    OpportunitiesModuleServices,
    VolunteersModuleServices,
    ScheduleModuleServices {}

export const modules: readonly AnyModule<Services>[] = [
  systemModule,
  accountsModule, // sessions, roles
  notificationsModule,
  networkModule, // network: most modules need the region and its municipalities
  adminModule,
  centersModule, // centerOpenings, serviceKinds
  organizationsModule, // ← roles, notifications
  exportsModule,
  applicationsModule, // ← centerOpenings, serviceKinds, roles, notifications
  planModule,
  monitoringModule,
  signupsModule, // shiftChanges, consentChanges (ports it implements)
  opportunitiesModule, // ← shiftChanges
  volunteersModule, // ← consentChanges, roles
  scheduleModule,
];
