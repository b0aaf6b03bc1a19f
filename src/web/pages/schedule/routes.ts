import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The centre schedule pages, mounted under the app layout (see app/router.tsx). */
export const scheduleRoutes: RouteObject[] = [
  {
    path: 'centers/:id/schedule',
    Component: page(() => import('./CenterSchedulePage'), 'CenterSchedulePage'),
  },
];
