/** Coverage is computed, never typed in. Pure functions over municipality counts. */
import type { CoverageState } from '../../../shared/contracts/network.js';

export type MunicipalityCounts = {
  population: number | null;
  active_centers: number | null;
  applications_in_progress: number | null;
};

export function coverageState(m: MunicipalityCounts): CoverageState {
  if ((m.active_centers ?? 0) > 0) return 'covered';
  if ((m.applications_in_progress ?? 0) > 0) return 'in_progress';
  return 'none';
}

/**
 * Share of the population living in covered municipalities, over municipalities whose population is
 * known (null when none is known).
 */
export function populationCoveredShare(items: MunicipalityCounts[]): number | null {
  let known = 0;
  let covered = 0;
  for (const m of items) {
    if (m.population === null) continue;
    known += m.population;
    if (coverageState(m) === 'covered') covered += m.population;
  }
  return known === 0 ? null : covered / known;
}
