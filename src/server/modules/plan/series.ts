/**
 * The network over time, computed from centres' opening dates and status histories and the municipal
 * lineage. Pure: the data is loaded once (dashboard.repo.ts), then every day asked about is answered in
 * memory — no query per month.
 */
import { indexLineage, type LineageEdge, totalsOnDay } from '../../lib/coverage.js';
import {
  activeOn,
  activePeriods,
  type CenterLife,
  type Period,
  type StatusChange,
} from '../../lib/network-history.js';
import { laterDay, monthEnd, monthsBetween } from './dates.js';
import type { RolloutTargetKind } from './plan.tables.js';

export { activeOn, activePeriods, type CenterLife, type Period, type StatusChange };

export type MunicipalitySpan = { id: string; effective_from: string; effective_to: string | null };
export type NetworkHistory = {
  centers: { municipalityId: string; periods: Period[] }[];
  municipalities: MunicipalitySpan[];
  lineage: LineageEdge[];
};

/** The lineage of a history indexed once (a series asks about many days). */
const indexed = new WeakMap<LineageEdge[], Map<string, LineageEdge[]>>();
function lineageIndex(history: NetworkHistory) {
  let index = indexed.get(history.lineage);
  if (!index) {
    index = indexLineage(history.lineage);
    indexed.set(history.lineage, index);
  }
  return index;
}

/** The network's figures on `day` from active centres per registered municipality (as `countsOnDay`). */
function figuresFrom(history: NetworkHistory, byMunicipality: Map<string, number>, day: string) {
  const inForce: string[] = [];
  for (const m of history.municipalities)
    if (m.effective_from <= day && (m.effective_to === null || day < m.effective_to)) inForce.push(m.id);
  const counts: { municipality_id: string; active_centers: number; applications_in_progress: number }[] = [];
  for (const [municipality_id, n] of byMunicipality) {
    if (n > 0) counts.push({ municipality_id, active_centers: n, applications_in_progress: 0 });
  }
  let activeCenters = 0;
  let coveredMunicipalities = 0;
  for (const t of totalsOnDay(inForce, counts, lineageIndex(history), day).values()) {
    activeCenters += t.active_centers;
    if (t.active_centers > 0) coveredMunicipalities += 1;
  }
  return { activeCenters, coveredMunicipalities, municipalitiesTotal: inForce.length };
}

/** Active centres and covered municipalities on `day`, as the network service would have counted them. */
export function figuresOn(history: NetworkHistory, day: string) {
  const byMunicipality = new Map<string, number>();
  for (const c of history.centers) {
    if (activeOn(c.periods, day))
      byMunicipality.set(c.municipalityId, (byMunicipality.get(c.municipalityId) ?? 0) + 1);
  }
  return figuresFrom(history, byMunicipality, day);
}

/**
 * The same figures for days asked in ascending order, by a sweep: every period's start (+1) and end (−1)
 * is sorted once and applied as the days advance, so each day costs the municipalities, not the centres.
 */
export function sweepFigures(history: NetworkHistory) {
  const steps: { day: string; municipalityId: string; delta: number }[] = [];
  for (const c of history.centers) {
    for (const p of c.periods) {
      steps.push({ day: p.from, municipalityId: c.municipalityId, delta: 1 });
      if (p.to !== null) steps.push({ day: p.to, municipalityId: c.municipalityId, delta: -1 });
    }
  }
  steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const byMunicipality = new Map<string, number>();
  let next = 0;
  let last = '';
  return (day: string) => {
    if (day < last) throw new Error('sweepFigures: days must not go back');
    last = day;
    for (; next < steps.length && (steps[next] as (typeof steps)[number]).day <= day; next += 1) {
      const step = steps[next] as (typeof steps)[number];
      byMunicipality.set(step.municipalityId, (byMunicipality.get(step.municipalityId) ?? 0) + step.delta);
    }
    return figuresFrom(history, byMunicipality, day);
  };
}

export type TargetPoint = { kind: RolloutTargetKind; due_date: string; target: number };

/**
 * The plan as steps at due dates: on a day, the target of the latest due date on or before it (null before
 * the first due date). Where two targets share a date (not allowed, but tolerated) the larger counts.
 */
export function planOn(targets: TargetPoint[], kind: RolloutTargetKind, day: string): number | null {
  let best: TargetPoint | null = null;
  for (const t of targets) {
    if (t.kind !== kind || t.due_date > day) continue;
    if (!best || t.due_date > best.due_date || (t.due_date === best.due_date && t.target > best.target))
      best = t;
  }
  return best?.target ?? null;
}

/**
 * One point per month from the programme start to today or the last due date, whichever is later. A past
 * month is taken at its last day, the current month at today; future months carry the plan only.
 */
export function monthlySeries(input: {
  history: NetworkHistory;
  targets: TargetPoint[];
  from: string;
  today: string;
}) {
  const lastDue = input.targets.reduce((max, t) => laterDay(t.due_date, max), input.today);
  const figures = sweepFigures(input.history);
  return monthsBetween(input.from, lastDue).map((month) => {
    const end = monthEnd(`${month}-01`);
    const future = `${month}-01` > input.today;
    const date = end > input.today && !future ? input.today : end;
    const actual = future ? null : figures(date);
    return {
      month,
      date,
      activeCenters: actual?.activeCenters ?? null,
      coveredMunicipalities: actual?.coveredMunicipalities ?? null,
      municipalitiesTotal: actual?.municipalitiesTotal ?? null,
      planActiveCenters: planOn(input.targets, 'active_centers', end),
      planCoverage: planOn(input.targets, 'municipal_coverage', end),
    };
  });
}
