/** The monitoring module's manifest: a centre's work log and the monitoring rounds. */
import { defineModule } from '../../platform/module.js';
import type { NetworkService } from '../network/index.js';
import { registerMonitoringRoutes } from './monitoring.routes.js';
import type { MonitoringService } from './monitoring.service.js';
import { createMonitoringServices } from './monitoring.wiring.js';
import type { WorkLogService } from './worklog.service.js';

export type MonitoringModuleServices = { workLog: WorkLogService; monitoring: MonitoringService };

export const monitoringModule = defineModule({
  name: 'monitoring',
  needs: ['network'],
  create: ({ db, clock, audit }, { network }: { network: NetworkService }): MonitoringModuleServices =>
    createMonitoringServices({ db, network, clock, audit }),
  register: (app, services) => registerMonitoringRoutes(app, services),
});
