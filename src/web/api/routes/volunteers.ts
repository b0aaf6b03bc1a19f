import type { volunteersEndpoints } from '../../../shared/contracts/volunteers.endpoints';
import type { RouteTable } from '../route-table';

export const volunteersRoutes: RouteTable<keyof typeof volunteersEndpoints> = {};
