import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The opportunities pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const opportunitiesRoutes: RouteObject[] = [
  { path: 'opportunities', Component: page(() => import('./OpportunitiesPage'), 'OpportunitiesPage') },
  { path: 'opportunities/:id', Component: page(() => import('./OpportunityPage'), 'OpportunityPage') },
  {
    path: 'opportunities/:id/manage',
    Component: page(() => import('./ManageOpportunityPage'), 'ManageOpportunityPage'),
  },
  {
    path: 'centers/:id/opportunities',
    Component: page(() => import('./CenterOpportunitiesPage'), 'CenterOpportunitiesPage'),
  },
];
