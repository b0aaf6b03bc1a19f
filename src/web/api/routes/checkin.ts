import type { checkinEndpoints } from '../../../shared/contracts/checkin.endpoints';
import type { RouteTable } from '../route-table';

export const checkinRoutes: RouteTable<keyof typeof checkinEndpoints> = {
  checkinCode: { method: 'GET', path: '/api/shifts/:id/checkin-code' },
  rotateCheckinCode: { method: 'POST', path: '/api/shifts/:id/checkin-code/rotate' },
  checkIn: { method: 'POST', path: '/api/check-in' },
  checkinDesk: { method: 'GET', path: '/api/shifts/:id/desk' },
  deskAction: { method: 'POST', path: '/api/signups/:id/desk' },
  addWalkUp: { method: 'POST', path: '/api/shifts/:id/walk-ins' },
  checkOutWalkIn: { method: 'POST', path: '/api/walk-ins/:id/check-out' },
  removeWalkIn: { method: 'POST', path: '/api/walk-ins/:id/remove' },
};
