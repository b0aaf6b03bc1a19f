import type { RouteObject } from 'react-router';
import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import checkinEn from '../../i18n/features/checkin.en.json';
import checkinRu from '../../i18n/features/checkin.ru.json';

/** The check-in pages, mounted under the app layout (see app/features.ts). Load pages with `page()`. */
const routes: RouteObject[] = [
  { path: 'check-in', Component: page(() => import('./CheckInPage'), 'CheckInPage') },
  { path: 'shifts/:id/qr', Component: page(() => import('./QrPage'), 'QrPage') },
  { path: 'shifts/:id/desk', Component: page(() => import('./DeskPage'), 'DeskPage') },
];

export const checkinFeature = {
  routes,
  messages: { ru: { checkin: checkinRu }, en: { checkin: checkinEn } },
} satisfies Feature;
