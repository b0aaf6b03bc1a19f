import type { RouteObject } from 'react-router';
import { page } from '../../app/lazyPage';

/** The volunteers pages, mounted under the app layout (see app/router.tsx). Load pages with `page()`. */
export const volunteersRoutes: RouteObject[] = [
  { path: 'volunteer/profile', Component: page(() => import('./ProfilePage'), 'ProfilePage') },
  { path: 'volunteer/consents', Component: page(() => import('./ConsentsPage'), 'ConsentsPage') },
  { path: 'squads/:id', Component: page(() => import('./SquadPage'), 'SquadPage') },
  { path: 'my/squads', Component: page(() => import('./MySquadsPage'), 'MySquadsPage') },
  {
    path: 'volunteers/:userId',
    Component: page(() => import('./VolunteerCardPage'), 'VolunteerCardPage'),
  },
  {
    path: 'centers/:id/squads',
    Component: page(() => import('./CenterSquadsPage'), 'CenterSquadsPage'),
  },
];
