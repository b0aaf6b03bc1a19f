import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The operator pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const operatorRoutes: RouteObject[] = [
  { path: 'operator', Component: page(() => import('./OperatorHubPage'), 'OperatorHubPage') },
  {
    path: 'operator/municipalities',
    Component: page(() => import('./MunicipalitiesPage'), 'MunicipalitiesPage'),
  },
  { path: 'operator/settings', Component: page(() => import('./SettingsPage'), 'SettingsPage') },
];
