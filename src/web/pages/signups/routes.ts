import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import signupsEn from '../../i18n/features/signups.en.json';
import signupsRu from '../../i18n/features/signups.ru.json';

/** The signups pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
  { path: 'my/shifts', Component: page(() => import('./MyShiftsPage'), 'MyShiftsPage') },
  { path: 'shifts/:id/roster', Component: page(() => import('./RosterPage'), 'RosterPage') },
];

export const signupsFeature = {
  routes,
  messages: { ru: { signups: signupsRu }, en: { signups: signupsEn } },
} satisfies Feature;
