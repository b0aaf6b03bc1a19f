/** The public surface of this module: other modules and code outside it import only this file. */
export { type ScheduleModuleServices, scheduleModule } from './schedule.module.js';
export type { ScheduleService } from './schedule.service.js';
