import type { checkinEndpoints } from '../../../shared/contracts/checkin.endpoints';
import type { RouteTable } from '../route-table';

export const checkinRoutes: RouteTable<keyof typeof checkinEndpoints> = {};
