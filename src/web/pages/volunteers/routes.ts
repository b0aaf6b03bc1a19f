import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import volunteersEn from '../../i18n/features/volunteers.en.json';
import volunteersRu from '../../i18n/features/volunteers.ru.json';

/** The volunteers pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
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

export const volunteersFeature = {
  routes,
  messages: { ru: { volunteers: volunteersRu }, en: { volunteers: volunteersEn } },
} satisfies Feature;
