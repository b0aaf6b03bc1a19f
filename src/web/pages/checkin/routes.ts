import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The check-in pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const checkinRoutes: RouteObject[] = [
  { path: 'check-in', Component: page(() => import('./CheckInPage'), 'CheckInPage') },
  { path: 'shifts/:id/qr', Component: page(() => import('./QrPage'), 'QrPage') },
  { path: 'shifts/:id/desk', Component: page(() => import('./DeskPage'), 'DeskPage') },
];
