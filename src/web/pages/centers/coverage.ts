import type { CircleMarkerOptions, PathOptions } from 'leaflet';
import type { ResponseOf } from '../../api/client';

export type Municipality = ResponseOf<'municipalities'>['items'][number];
export type Center = ResponseOf<'centers'>['items'][number];
export type Coverage = Municipality['coverage'];
export type Shape = ResponseOf<'municipalityShapes'>['items'][number];
export type ServiceKind = ResponseOf<'serviceKinds'>['items'][number];

export const COVERAGE_STATES: readonly Coverage[] = ['covered', 'in_progress', 'none'];

/**
 * Polygon styles per coverage state. The states differ in colour AND in fill pattern (solid, hatched,
 * dotted; the patterns are SVG defs in MapPatterns.tsx, applied by the `cov-*` classes in centers.css) and
 * in outline (solid, dashed, thin), so they can be told apart without colour vision.
 */
export const COVERAGE_STYLE: Record<Coverage, PathOptions & { pattern: string; swatchFill: string }> = {
  covered: {
    color: '#1e5c2a',
    weight: 1.5,
    fillColor: '#2f9e44',
    fillOpacity: 0.75,
    className: 'cov-covered',
    pattern: 'cov-pattern-covered',
    swatchFill: '#2f9e44',
  },
  in_progress: {
    color: '#a33e00',
    weight: 1.5,
    dashArray: '5 3',
    fillColor: '#ffa94d',
    fillOpacity: 0.9,
    className: 'cov-in-progress',
    pattern: 'cov-pattern-in-progress',
    swatchFill: '#ffa94d',
  },
  none: {
    color: '#6c757d',
    weight: 1,
    fillColor: '#f1f3f5',
    fillOpacity: 0.9,
    className: 'cov-none',
    pattern: 'cov-pattern-none',
    swatchFill: '#f1f3f5',
  },
};

/** Municipality admin centres when there are no shapes to draw (the older point view). */
export const POINT_STYLE: Record<Coverage, CircleMarkerOptions> = {
  covered: { radius: 10, color: '#ffffff', weight: 2, fillColor: '#237032', fillOpacity: 0.9 },
  in_progress: { radius: 10, color: '#b34700', weight: 3, fillColor: '#ffd8a8', fillOpacity: 0.95 },
  none: { radius: 7, color: '#5c636a', weight: 2, fillColor: '#ffffff', fillOpacity: 1 },
};

/** Badge colours (theme colours with AA contrast in the light variant). */
export const STATUS_BADGE: Record<Center['status'], string> = {
  active: 'ok',
  suspended: 'warn',
  closed: 'gray',
};

/** Population share living in covered municipalities (over known populations), or null. */
export function coveredShare(items: Municipality[]): number | null {
  let known = 0;
  let covered = 0;
  for (const m of items) {
    if (m.population === null) continue;
    known += m.population;
    if (m.coverage === 'covered') covered += m.population;
  }
  return known === 0 ? null : covered / known;
}

/**
 * Where to put a centre's marker: its own coordinates, or (approximate) near its municipality's admin
 * centre, fanned out so that several centres of one town do not cover each other.
 */
export function markerPosition(
  center: Center,
  municipalities: Map<string, Municipality>,
  indexInTown: number,
): { lat: number; lon: number; approximate: boolean } | null {
  if (center.lat !== null && center.lon !== null)
    return { lat: center.lat, lon: center.lon, approximate: false };
  const m = municipalities.get(center.municipality.id);
  if (!m) return null;
  const angle = indexInTown * 2.4;
  const r = indexInTown === 0 ? 0 : 0.03 + 0.012 * indexInTown;
  return { lat: m.lat + r * Math.sin(angle), lon: m.lon + 1.7 * r * Math.cos(angle), approximate: true };
}
