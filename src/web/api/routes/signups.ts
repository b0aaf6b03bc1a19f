import type { signupsEndpoints } from '../../../shared/contracts/signups.endpoints';
import type { RouteTable } from '../route-table';

export const signupsRoutes: RouteTable<keyof typeof signupsEndpoints> = {};
