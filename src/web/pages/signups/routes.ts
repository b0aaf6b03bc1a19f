import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The signups pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const signupsRoutes: RouteObject[] = [
  { path: 'my/shifts', Component: page(() => import('./MyShiftsPage'), 'MyShiftsPage') },
  { path: 'shifts/:id/roster', Component: page(() => import('./RosterPage'), 'RosterPage') },
];
