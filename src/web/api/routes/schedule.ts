import type { scheduleEndpoints } from '../../../shared/contracts/schedule.endpoints';
import type { RouteTable } from '../route-table';

export const scheduleRoutes: RouteTable<keyof typeof scheduleEndpoints> = {
  centerSchedule: { method: 'GET', path: '/api/centers/:id/schedule' },
};
