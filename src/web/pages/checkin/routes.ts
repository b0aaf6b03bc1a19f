import type { RouteObject } from 'react-router';

/** The check-in pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const checkinRoutes: RouteObject[] = [];
