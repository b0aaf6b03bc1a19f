import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from '../pages/home/HomePage';
import { NotFoundPage } from '../pages/not-found/NotFoundPage';
import { features } from './features';
import { Layout } from './Layout';
import { RouteError } from './RouteStates';
import { registerRouter } from './routerState';

/**
 * Routes: the home page (part of the main bundle), each feature's routes (app/features.ts; their pages are
 * loaded on demand, so Leaflet, used only by the centres pages, stays in their chunks) and the 404 page.
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
            ...features.flatMap((feature): RouteObject[] => feature.routes),
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]),
);
