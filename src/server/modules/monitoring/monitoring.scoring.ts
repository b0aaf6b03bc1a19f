/**
 * The monitoring arithmetic, pure and unit-tested:
 * - a computed indicator's basis is the sum of `quantity` of the centre's work-log entries of its kinds in
 *   the round's half-year (removed entries never count);
 * - its score is normalised against the round's best centre: max_score × basis / best basis, one decimal
 *   (the best centre gets the full maximum; when nobody has any, everybody gets 0);
 * - the final score is the entered one if the operator entered one, else the computed one; a missing score
 *   counts as 0 and marks the row incomplete;
 * - percent = 100 × Σ(weight × final) / Σ(weight × max_score), one decimal; the zone is green from
 *   `greenFrom`, yellow from `yellowFrom`, red below; rank: by percent, equal percents share a rank (1, 1, 3).
 */
import type { IndicatorMethod, WorkLogKind, Zone } from '../../../shared/contracts/monitoring.js';

export type KindCounts = Partial<Record<WorkLogKind, number>>;

/** Which work-log kinds feed each computed indicator. */
export const METHOD_KINDS: Record<Exclude<IndicatorMethod, 'entered'>, readonly WorkLogKind[]> = {
  infrastructure: ['coworking', 'event'],
  services: ['consultation', 'training', 'help_desk'],
  information: ['publication'],
};

export const round1 = (x: number) => Math.round(x * 10) / 10;

export function basisFor(method: IndicatorMethod, counts: KindCounts): number | null {
  if (method === 'entered') return null;
  return METHOD_KINDS[method].reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
}

type IndicatorSpec = { code: string; method: IndicatorMethod; maxScore: number; weight: number };
export type Computed = { computed: number; basis: number };

/** Computed scores of every centre of a round: centreId → indicator code → score and basis. */
export function computeScores(
  indicators: readonly IndicatorSpec[],
  counts: ReadonlyMap<string, KindCounts>,
): Map<string, Map<string, Computed>> {
  const result = new Map<string, Map<string, Computed>>();
  for (const id of counts.keys()) result.set(id, new Map());
  for (const indicator of indicators) {
    if (indicator.method === 'entered') continue;
    const bases = [...counts].map(([id, c]) => [id, basisFor(indicator.method, c) ?? 0] as const);
    const best = Math.max(0, ...bases.map(([, b]) => b));
    for (const [id, basis] of bases) {
      const computed = best > 0 ? round1((indicator.maxScore * basis) / best) : 0;
      result.get(id)?.set(indicator.code, { computed, basis });
    }
  }
  return result;
}

export const finalScore = (s: { computed: number | null; entered: number | null }) => s.entered ?? s.computed;

export function zoneOf(percent: number, t: { greenFrom: number; yellowFrom: number }): Zone {
  if (percent >= t.greenFrom) return 'green';
  if (percent >= t.yellowFrom) return 'yellow';
  return 'red';
}

export type Rated<R> = R & { points: number; percent: number; zone: Zone; complete: boolean; rank: number };

/**
 * Totals, zones and ranks. `finals` maps indicator code → final score (null = none). Rows come back
 * best first; equal percents keep the input order (callers pass rows sorted by name).
 */
export function rate<R extends { finals: ReadonlyMap<string, number | null> }>(
  indicators: readonly IndicatorSpec[],
  rows: readonly R[],
  thresholds: { greenFrom: number; yellowFrom: number },
): Rated<R>[] {
  const maxWeighted = indicators.reduce((sum, i) => sum + i.weight * i.maxScore, 0);
  const scored = rows.map((row) => {
    let points = 0;
    let weighted = 0;
    let complete = true;
    for (const i of indicators) {
      const value = row.finals.get(i.code) ?? null;
      if (value === null) complete = false;
      points += value ?? 0;
      weighted += i.weight * (value ?? 0);
    }
    const percent = maxWeighted > 0 ? round1((100 * weighted) / maxWeighted) : 0;
    return { ...row, points: round1(points), percent, zone: zoneOf(percent, thresholds), complete, rank: 0 };
  });
  const sorted = scored
    .map((r, index) => ({ r, index }))
    .sort((a, b) => b.r.percent - a.r.percent || a.index - b.index)
    .map(({ r }) => r);
  sorted.forEach((r, i) => {
    const previous = sorted[i - 1];
    r.rank = previous && previous.percent === r.percent ? previous.rank : i + 1;
  });
  return sorted;
}

/** The half-year's first and last day: H1 = 1 Jan … 30 Jun, H2 = 1 Jul … 31 Dec. */
export function halfYear(year: number, half: number): { start: string; end: string } {
  return half === 1
    ? { start: `${year}-01-01`, end: `${year}-06-30` }
    : { start: `${year}-07-01`, end: `${year}-12-31` };
}
