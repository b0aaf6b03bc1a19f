import type { planEndpoints } from '../../../shared/contracts/plan.endpoints';
import type { RouteTable } from '../route-table';

export const planRoutes: RouteTable<keyof typeof planEndpoints> = {};
