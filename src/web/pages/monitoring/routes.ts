import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import monitoringEn from '../../i18n/features/monitoring.en.json';
import monitoringRu from '../../i18n/features/monitoring.ru.json';

/** The monitoring pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
  { path: 'centers/:id/work-log', Component: page(() => import('./WorkLogPage'), 'WorkLogPage') },
  { path: 'operator/monitoring', Component: page(() => import('./RoundsPage'), 'RoundsPage') },
  { path: 'operator/monitoring/:roundId', Component: page(() => import('./RoundPage'), 'RoundPage') },
];

export const monitoringFeature = {
  routes,
  messages: { ru: { monitoring: monitoringRu }, en: { monitoring: monitoringEn } },
} satisfies Feature;
