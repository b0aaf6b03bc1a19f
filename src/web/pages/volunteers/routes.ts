import type { RouteObject } from 'react-router';

/** The volunteers pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const volunteersRoutes: RouteObject[] = [];
