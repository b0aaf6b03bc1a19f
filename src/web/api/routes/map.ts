import type { mapEndpoints } from '../../../shared/contracts/map.endpoints';
import type { RouteTable } from '../route-table';

export const mapRoutes: RouteTable<keyof typeof mapEndpoints> = {
  municipalityShapes: { method: 'GET', path: '/api/public/municipality-shapes' },
  serviceKinds: { method: 'GET', path: '/api/public/service-kinds' },
  updateCenterProfile: { method: 'PATCH', path: '/api/centers/:id/profile' },
};
