/** Coverage is computed, never typed in. Pure functions over municipality counts. */
import type { CoverageState } from '../../shared/contracts/network.js';

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

/** One lineage link: `predecessor_id` became (part of) `successor_id` on `effective_on`. */
export type LineageEdge = { predecessor_id: string; successor_id: string; effective_on: string };

/** Successor links by predecessor, earliest change first (then by successor id, so the walk is stable). */
export function indexLineage(edges: LineageEdge[]): Map<string, LineageEdge[]> {
  const byPredecessor = new Map<string, LineageEdge[]>();
  for (const e of edges) {
    const list = byPredecessor.get(e.predecessor_id) ?? [];
    list.push(e);
    byPredecessor.set(e.predecessor_id, list);
  }
  for (const list of byPredecessor.values()) {
    list.sort(
      (a, b) => a.effective_on.localeCompare(b.effective_on) || a.successor_id.localeCompare(b.successor_id),
    );
  }
  return byPredecessor;
}

/**
 * What municipality `id` had become by `day`: follows successor links that took effect on or before the
 * day (a merged district → the okrug that absorbed it). Unchanged when nothing happened to it by then.
 */
export function municipalityOnDay(id: string, lineage: Map<string, LineageEdge[]>, day: string): string {
  let current = id;
  const seen = new Set([current]);
  for (;;) {
    const next = lineage.get(current)?.find((e) => e.effective_on <= day && !seen.has(e.successor_id));
    if (!next) return current;
    current = next.successor_id;
    seen.add(current);
  }
}

type Counts = { active_centers: number; applications_in_progress: number };

/**
 * Each in-force municipality's counts on `day` (see `countsOnDay`), by id: the core both the network's
 * rows and the dashboard's monthly figures use (`lineage` indexed once by `indexLineage`).
 */
export function totalsOnDay(
  inForceIds: Iterable<string>,
  counts: Iterable<{ municipality_id: string } & Counts>,
  lineage: Map<string, LineageEdge[]>,
  day: string,
): Map<string, Counts> {
  const totals = new Map<string, Counts>();
  for (const id of inForceIds) totals.set(id, { active_centers: 0, applications_in_progress: 0 });
  for (const c of counts) {
    const target = totals.get(municipalityOnDay(c.municipality_id, lineage, day));
    if (!target) continue;
    target.active_centers += c.active_centers;
    target.applications_in_progress += c.applications_in_progress;
  }
  return totals;
}

/**
 * Coverage on `day`: each municipality's own counts (centres and applications are registered where they
 * were) are carried to the municipality in force on that day through the lineage, then summed there.
 * Counts that land on no municipality in force (an abolished one) are left out.
 */
export function countsOnDay<M extends { id: string }>(
  inForce: M[],
  counts: ({ municipality_id: string } & Counts)[],
  lineage: LineageEdge[],
  day: string,
): (M & Counts)[] {
  const totals = totalsOnDay(
    inForce.map((m) => m.id),
    counts,
    indexLineage(lineage),
    day,
  );
  return inForce.map((m) => ({ ...m, ...(totals.get(m.id) as Counts) }));
}
