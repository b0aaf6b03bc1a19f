import type { RouteObject } from 'react-router';

/** The plan pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const planRoutes: RouteObject[] = [];
