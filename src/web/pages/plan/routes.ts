import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import planEn from '../../i18n/features/plan.en.json';
import planRu from '../../i18n/features/plan.ru.json';

/** The plan pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
  { path: 'operator/dashboard', Component: page(() => import('./DashboardPage'), 'DashboardPage') },
  { path: 'operator/plan', Component: page(() => import('./PlanPage'), 'PlanPage') },
];

export const planFeature = {
  routes,
  messages: { ru: { plan: planRu }, en: { plan: planEn } },
} satisfies Feature;
