import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import opportunitiesEn from '../../i18n/features/opportunities.en.json';
import opportunitiesRu from '../../i18n/features/opportunities.ru.json';

/** The opportunities pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
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

export const opportunitiesFeature = {
  routes,
  messages: { ru: { opportunities: opportunitiesRu }, en: { opportunities: opportunitiesEn } },
} satisfies Feature;
