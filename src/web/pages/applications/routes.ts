import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The applications pages (and the notifications page), mounted under the app layout (see app/router.tsx). */
export const applicationsRoutes: RouteObject[] = [
  {
    path: 'applications',
    children: [
      { index: true, Component: page(() => import('./ApplicationsPage'), 'ApplicationsPage') },
      { path: 'new', Component: page(() => import('./NewApplicationPage'), 'NewApplicationPage') },
      { path: ':id', Component: page(() => import('./ApplicationDetailPage'), 'ApplicationDetailPage') },
    ],
  },
  {
    path: 'notifications',
    Component: page(() => import('../notifications/NotificationsPage'), 'NotificationsPage'),
  },
];
