import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';

/** The organizations registry, a new organization and one organization (messages in the core catalogue). */
export const organizationsFeature = {
  routes: [
    {
      path: 'organizations',
      children: [
        { index: true, Component: page(() => import('./OrganizationsPage'), 'OrganizationsPage') },
        { path: 'new', Component: page(() => import('./NewOrganizationPage'), 'NewOrganizationPage') },
        { path: ':id', Component: page(() => import('./OrganizationDetailPage'), 'OrganizationDetailPage') },
      ],
    },
  ],
} satisfies Feature;
