import type { applicationsEndpoints } from '../../../shared/contracts/applications.endpoints';
import type { RouteTable } from '../route-table';

export const applicationsRoutes: RouteTable<keyof typeof applicationsEndpoints> = {};
