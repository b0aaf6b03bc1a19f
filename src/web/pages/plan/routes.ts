import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The plan pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const planRoutes: RouteObject[] = [
  { path: 'operator/dashboard', Component: page(() => import('./DashboardPage'), 'DashboardPage') },
  { path: 'operator/plan', Component: page(() => import('./PlanPage'), 'PlanPage') },
];
