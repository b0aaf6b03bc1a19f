import { createBrowserRouter } from 'react-router';
import { HomePage } from '../pages/home/HomePage';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { AppLoading, RouteError } from './RouteStates';
import { Layout } from './Layout';

/**
 * Routes. The home page is part of the main bundle; the other pages are loaded on demand, so Leaflet
 * (used only by the centres page) stays in that page's chunk.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    HydrateFallback: AppLoading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: HomePage },
          {
            path: 'register',
            lazy: () => import('../pages/auth/RegisterPage').then((m) => ({ Component: m.RegisterPage })),
          },
          {
            path: 'verify-email',
            lazy: () => import('../pages/auth/VerifyEmailPage').then((m) => ({ Component: m.VerifyEmailPage })),
          },
          {
            path: 'login',
            lazy: () => import('../pages/auth/LoginPage').then((m) => ({ Component: m.LoginPage })),
          },
          {
            path: 'reset-password',
            lazy: () =>
              import('../pages/auth/ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })),
          },
          {
            path: 'account',
            lazy: () => import('../pages/account/AccountPage').then((m) => ({ Component: m.AccountPage })),
          },
          {
            path: 'centers',
            lazy: () => import('../pages/centers/CentersPage').then((m) => ({ Component: m.CentersPage })),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
