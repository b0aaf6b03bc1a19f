import { createBrowserRouter } from 'react-router';
import { applicationsRoutes } from '../pages/applications/routes';
import { checkinRoutes } from '../pages/checkin/routes';
import { HomePage } from '../pages/home/HomePage';
import { monitoringRoutes } from '../pages/monitoring/routes';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { operatorRoutes } from '../pages/operator/routes';
import { opportunitiesRoutes } from '../pages/opportunities/routes';
import { planRoutes } from '../pages/plan/routes';
import { scheduleRoutes } from '../pages/schedule/routes';
import { signupsRoutes } from '../pages/signups/routes';
import { volunteersRoutes } from '../pages/volunteers/routes';
import { Layout } from './Layout';
import { page } from './lazyPage';
import { RouteError } from './RouteStates';
import { registerRouter } from './routerState';

/**
 * Routes. The home page is part of the main bundle; the other pages are loaded on demand, so Leaflet
 * (used only by the centres page) stays in that page's chunk.
 */
export const router = registerRouter(
  createBrowserRouter([
    {
      path: '/',
      Component: Layout,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            { index: true, Component: HomePage },
            { path: 'register', Component: page(() => import('../pages/auth/RegisterPage'), 'RegisterPage') },
            {
              path: 'verify-email',
              Component: page(() => import('../pages/auth/VerifyEmailPage'), 'VerifyEmailPage'),
            },
            { path: 'login', Component: page(() => import('../pages/auth/LoginPage'), 'LoginPage') },
            {
              path: 'reset-password',
              Component: page(() => import('../pages/auth/ResetPasswordPage'), 'ResetPasswordPage'),
            },
            { path: 'account', Component: page(() => import('../pages/account/AccountPage'), 'AccountPage') },
            { path: 'centers', Component: page(() => import('../pages/centers/CentersPage'), 'CentersPage') },
            {
              path: 'centers/:id',
              Component: page(() => import('../pages/centers/CenterPage'), 'CenterPage'),
            },
            {
              path: 'organizations',
              children: [
                {
                  index: true,
                  Component: page(
                    () => import('../pages/organizations/OrganizationsPage'),
                    'OrganizationsPage',
                  ),
                },
                {
                  path: 'new',
                  Component: page(
                    () => import('../pages/organizations/NewOrganizationPage'),
                    'NewOrganizationPage',
                  ),
                },
                {
                  path: ':id',
                  Component: page(
                    () => import('../pages/organizations/OrganizationDetailPage'),
                    'OrganizationDetailPage',
                  ),
                },
              ],
            },
            ...applicationsRoutes,
            ...monitoringRoutes,
            ...planRoutes,
            ...operatorRoutes,
            ...volunteersRoutes,
            ...opportunitiesRoutes,
            ...signupsRoutes,
            ...checkinRoutes,
            ...scheduleRoutes,
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]),
);
