import type { CircleMarkerOptions } from 'leaflet';
import type { ResponseOf } from '../../api/client';

export type Municipality = ResponseOf<'municipalities'>['items'][number];
export type Center = ResponseOf<'centers'>['items'][number];
export type Coverage = Municipality['coverage'];

export const COVERAGE_STATES: readonly Coverage[] = ['covered', 'in_progress', 'none'];

/**
 * Marker styles per coverage state. Colours differ and so does the shape (filled, ringed, hollow), so
 * the states can be told apart without colour vision. Colours keep 3:1 against white and light maps.
 */
export const COVERAGE_STYLE: Record<Coverage, CircleMarkerOptions> = {
  covered: { radius: 10, color: '#ffffff', weight: 2, fillColor: '#237032', fillOpacity: 0.9 },
  in_progress: { radius: 10, color: '#b34700', weight: 3, fillColor: '#ffd8a8', fillOpacity: 0.95 },
  none: { radius: 7, color: '#5c636a', weight: 2, fillColor: '#ffffff', fillOpacity: 1 },
};

export const CENTER_STYLE: CircleMarkerOptions = {
  radius: 4,
  color: '#ffffff',
  weight: 1.5,
  fillColor: '#0b3d91',
  fillOpacity: 1,
};

/** Badge colours (theme colours with AA contrast in the light variant). */
export const STATUS_BADGE: Record<Center['status'], string> = {
  active: 'ok',
  suspended: 'warn',
  closed: 'gray',
};
