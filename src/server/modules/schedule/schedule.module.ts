/** The schedule module's manifest: a centre's week, shift by shift. */
import { defineModule } from '../../platform/module.js';
import { createScheduleRepo } from './schedule.repo.js';
import { registerScheduleRoutes } from './schedule.routes.js';
import { createScheduleService, type ScheduleService } from './schedule.service.js';

export type ScheduleModuleServices = { schedule: ScheduleService };

export const scheduleModule = defineModule({
  name: 'schedule',
  needs: [],
  create: ({ db, clock }): ScheduleModuleServices => ({
    schedule: createScheduleService({ repo: createScheduleRepo(db), clock }),
  }),
  register: (app, services) => registerScheduleRoutes(app, services),
});
