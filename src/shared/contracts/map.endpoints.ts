/** Endpoints of the map feature; spread into the shared endpoint table (endpoints.ts). */
import * as C from './centers.js';
import * as N from './network.js';

export const mapEndpoints = {
  municipalityShapes: {
    method: 'GET',
    path: '/api/public/municipality-shapes',
    response: N.MunicipalityShapeList,
  },
  serviceKinds: { method: 'GET', path: '/api/public/service-kinds', response: N.ServiceKindList },
  updateCenterProfile: {
    method: 'PATCH',
    path: '/api/centers/:id/profile',
    params: C.CenterIdParams,
    body: C.UpdateCenterProfileBody,
    response: C.CenterEnvelope,
  },
} as const;
