import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import scheduleEn from '../../i18n/features/schedule.en.json';
import scheduleRu from '../../i18n/features/schedule.ru.json';

/** The centre schedule pages, mounted under the app layout (see app/features.ts). */
const routes: RouteObject[] = [
  {
    path: 'centers/:id/schedule',
    Component: page(() => import('./CenterSchedulePage'), 'CenterSchedulePage'),
  },
];

export const scheduleFeature = {
  routes,
  messages: { ru: { schedule: scheduleRu }, en: { schedule: scheduleEn } },
} satisfies Feature;
