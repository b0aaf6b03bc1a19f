import type { applicationsEndpoints } from '../../../shared/contracts/applications.endpoints';
import type { RouteTable } from '../route-table';

export const applicationsRoutes: RouteTable<keyof typeof applicationsEndpoints> = {
  applications: { method: 'GET', path: '/api/applications' },
  myApplications: { method: 'GET', path: '/api/applications/mine' },
  createApplication: { method: 'POST', path: '/api/applications' },
  application: { method: 'GET', path: '/api/applications/:id' },
  updateApplication: { method: 'PATCH', path: '/api/applications/:id' },
  manageApplication: { method: 'PATCH', path: '/api/applications/:id/management' },
  transitionApplication: { method: 'POST', path: '/api/applications/:id/transitions' },
  reviewApplicationDocument: { method: 'POST', path: '/api/applications/:id/documents/:kind/review' },
  applicationStageOwners: { method: 'GET', path: '/api/applications/stage-owners' },
  applicationStages: { method: 'GET', path: '/api/application-stages' },
  createApplicationStage: { method: 'POST', path: '/api/admin/application-stages' },
  updateApplicationStage: { method: 'PATCH', path: '/api/admin/application-stages/:code' },
  applicationDocumentKinds: { method: 'GET', path: '/api/application-document-kinds' },
  createApplicationDocumentKind: { method: 'POST', path: '/api/admin/application-document-kinds' },
  updateApplicationDocumentKind: { method: 'PATCH', path: '/api/admin/application-document-kinds/:code' },
  centerServiceKinds: { method: 'GET', path: '/api/center-service-kinds' },
  createCenterServiceKind: { method: 'POST', path: '/api/admin/center-service-kinds' },
  updateCenterServiceKind: { method: 'PATCH', path: '/api/admin/center-service-kinds/:code' },
  notifications: { method: 'GET', path: '/api/me/notifications' },
  unreadNotifications: { method: 'GET', path: '/api/me/notifications/unread-count' },
  markNotificationRead: { method: 'POST', path: '/api/me/notifications/:id/read' },
  markAllNotificationsRead: { method: 'POST', path: '/api/me/notifications/read-all' },
  applicationDocumentVersion: {
    method: 'GET',
    path: '/api/applications/:id/documents/:kind/versions/:version',
  },
};
