import type { RouteObject } from 'react-router';

/** The signups pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const signupsRoutes: RouteObject[] = [];
