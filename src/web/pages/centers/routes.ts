import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';
import mapEn from '../../i18n/features/map.en.json';
import mapRu from '../../i18n/features/map.ru.json';

/** The centres list with the coverage map, and one centre's page; Leaflet stays in these pages' chunks. */
export const centersFeature = {
  routes: [
    { path: 'centers', Component: page(() => import('./CentersPage'), 'CentersPage') },
    { path: 'centers/:id', Component: page(() => import('./CenterPage'), 'CenterPage') },
  ],
  messages: { ru: { map: mapRu }, en: { map: mapEn } },
} satisfies Feature;
