import type { mapEndpoints } from '../../../shared/contracts/map.endpoints';
import type { RouteTable } from '../route-table';

export const mapRoutes: RouteTable<keyof typeof mapEndpoints> = {};
