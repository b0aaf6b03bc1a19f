import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import applicationsEn from '../../i18n/features/applications.en.json';
import applicationsRu from '../../i18n/features/applications.ru.json';

/** The applications pages (and the notifications page), mounted under the app layout (see app/features.ts). */
const routes: RouteObject[] = [
  {
    path: 'applications',
    children: [
      { index: true, Component: page(() => import('./ApplicationsPage'), 'ApplicationsPage') },
      { path: 'new', Component: page(() => import('./NewApplicationPage'), 'NewApplicationPage') },
      { path: ':id', Component: page(() => import('./ApplicationDetailPage'), 'ApplicationDetailPage') },
    ],
  },
  {
    path: 'notifications',
    Component: page(() => import('../notifications/NotificationsPage'), 'NotificationsPage'),
  },
];

export const applicationsFeature = {
  routes,
  messages: { ru: { applications: applicationsRu }, en: { applications: applicationsEn } },
} satisfies Feature;
