import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HomePage } from '../pages/home/HomePage';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { Layout } from './Layout';
import { RouteError } from './RouteStates';

/** A page loaded on demand; Layout shows a loading state inside <main> until its chunk has arrived. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const module = await load();
    const Component: ComponentType = module[name];
    return { default: Component };
  });
}

/**
 * Routes. The home page is part of the main bundle; the other pages are loaded on demand, so Leaflet
 * (used only by the centres page) stays in that page's chunk.
 */
export const router = createBrowserRouter([
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
          { path: 'centers/:id', Component: page(() => import('../pages/centers/CenterPage'), 'CenterPage') },
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
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
