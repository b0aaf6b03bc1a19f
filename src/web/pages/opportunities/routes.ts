import type { RouteObject } from 'react-router';

/** The opportunities pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const opportunitiesRoutes: RouteObject[] = [];
