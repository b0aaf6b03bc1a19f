import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The monitoring pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const monitoringRoutes: RouteObject[] = [
  { path: 'centers/:id/work-log', Component: page(() => import('./WorkLogPage'), 'WorkLogPage') },
  { path: 'operator/monitoring', Component: page(() => import('./RoundsPage'), 'RoundsPage') },
  { path: 'operator/monitoring/:roundId', Component: page(() => import('./RoundPage'), 'RoundPage') },
];
