import type { monitoringEndpoints } from '../../../shared/contracts/monitoring.endpoints';
import type { RouteTable } from '../route-table';

export const monitoringRoutes: RouteTable<keyof typeof monitoringEndpoints> = {};
