import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import operatorEn from '../../i18n/features/operator.en.json';
import operatorRu from '../../i18n/features/operator.ru.json';

/** The operator pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
  { path: 'operator', Component: page(() => import('./OperatorHubPage'), 'OperatorHubPage') },
  {
    path: 'operator/municipalities',
    Component: page(() => import('./MunicipalitiesPage'), 'MunicipalitiesPage'),
  },
  { path: 'operator/settings', Component: page(() => import('./SettingsPage'), 'SettingsPage') },
];

export const operatorFeature = {
  routes,
  messages: { ru: { operator: operatorRu }, en: { operator: operatorEn } },
} satisfies Feature;
