import type { opportunitiesEndpoints } from '../../../shared/contracts/opportunities.endpoints';
import type { RouteTable } from '../route-table';

export const opportunitiesRoutes: RouteTable<keyof typeof opportunitiesEndpoints> = {};
