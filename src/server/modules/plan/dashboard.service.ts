/**
 * The operator's dashboard in one answer: each target with actual, gap, status and forecast; the network
 * month by month (plan vs actual); the pipeline of applications with expected opening dates. The data is
 * read once and every figure is computed in memory (series.ts, forecast.ts, pipeline.ts).
 */
import type { Dashboard, DashboardTarget, PipelineItem } from '../../../shared/contracts/plan.js';
import { localDay } from '../../../shared/time-zone.js';
import { indexLineage, municipalityOnDay } from '../../lib/coverage.js';
import { createVersionedMemo } from '../../lib/versioned-memo.js';
import { type Actor, authorize, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { NetworkService } from '../network/index.js';
import type { DashboardRepo } from './dashboard.repo.js';
import { addMonths } from './dates.js';
import { forecast, openingsPerMonth, targetStatus } from './forecast.js';
import { DEFAULT_STAGES, daysAtStage, expectedOpening } from './pipeline.js';
import { canManagePlan } from './plan.policy.js';
import type { PlanRepo } from './plan.repo.js';
import { programStart } from './plan.service.js';
import { activePeriods, type CenterLife, figuresOn, monthlySeries, type NetworkHistory } from './series.js';

export function createDashboardService(deps: {
  repo: DashboardRepo;
  plan: PlanRepo;
  network: NetworkService;
  clock: Clock;
}) {
  const { repo, plan, network, clock } = deps;

  /** Centres with their active periods, municipalities and lineage: everything the series needs. */
  async function networkHistory(regionId: string, timeZone: string, undatedFrom: string) {
    const centers = await repo.centers(regionId);
    const changes = new Map<string, CenterLife['changes']>();
    for (const e of await repo.statusChanges(regionId)) {
      const list = changes.get(e.center_id) ?? [];
      list.push({ day: localDay(e.at, timeZone), from: e.from_status, to: e.to_status });
      changes.set(e.center_id, list);
    }
    const history: NetworkHistory = {
      centers: centers.map((c) => ({
        municipalityId: c.municipality_id,
        periods: activePeriods(
          {
            municipalityId: c.municipality_id,
            openedOn: c.opened_on,
            status: c.status,
            changes: changes.get(c.id) ?? [],
          },
          undatedFrom,
        ),
      })),
      municipalities: await repo.municipalities(regionId),
      lineage: await repo.lineage(regionId),
    };
    return { centers, history };
  }

  async function pipeline(regionId: string, today: string) {
    const stored = await repo.stages();
    const stages = stored.length > 0 ? stored : DEFAULT_STAGES;
    const byCode = new Map(stages.map((s) => [s.code, s]));
    const rows = await repo.pipeline(regionId);
    return rows.map((row) => {
      const since = row.stage_since ?? row.created_on;
      const expected = expectedOpening({ ...row, stage_since: since }, stages);
      const stage = byCode.get(row.stage);
      return {
        row,
        expected,
        stageSince: since,
        stageNameRu: stage?.name_ru ?? row.stage,
        stageNameEn: stage?.name_en ?? row.stage,
        daysAtStage: daysAtStage(since, today),
      };
    });
  }

  // Every figure comes from the network's history and the day: kept under the history's version (ADR 0020).
  const answers = createVersionedMemo<Dashboard>(4);

  return {
    async dashboard(actor: Actor): Promise<Dashboard> {
      requireUser(actor);
      const region = await network.currentRegion();
      authorize(canManagePlan(actor, region));
      const today = localDay(clock.now(), region.timezone);
      return answers.get(region.history_version, today, () => dashboardOn(region, today));
    },
  };

  async function dashboardOn(
    region: Awaited<ReturnType<NetworkService['currentRegion']>>,
    today: string,
  ): Promise<Dashboard> {
    const start = programStart(region);
    const { centers, history } = await networkHistory(region.id, region.timezone, start ?? '0001-01-01');

    // Today's figures as the public pages show them.
    const municipalities = await network.municipalities(today);
    const activeCenters = municipalities.reduce((sum, m) => sum + m.activeCenters, 0);
    const covered = new Set(municipalities.filter((m) => m.coverage === 'covered').map((m) => m.id));
    let knownPopulation = 0;
    let coveredPopulation = 0;
    for (const m of municipalities) {
      if (m.population === null) continue;
      knownPopulation += m.population;
      if (covered.has(m.id)) coveredPopulation += m.population;
    }

    const windowStart = addMonths(today, -12);
    const openingsPace = openingsPerMonth(
      centers.map((c) => c.opened_on),
      today,
    );
    const coveragePace =
      (figuresOn(history, today).coveredMunicipalities -
        figuresOn(history, windowStart).coveredMunicipalities) /
      12;

    const lineage = indexLineage(history.lineage);
    const applications = await pipeline(region.id, today);
    const items: PipelineItem[] = applications.map((a) => ({
      id: a.row.id,
      organizationName: a.row.organization_name,
      municipality: {
        id: a.row.municipality_id,
        nameRu: a.row.municipality_name_ru,
        nameEn: a.row.municipality_name_en,
      },
      stage: a.row.stage,
      stageNameRu: a.stageNameRu,
      stageNameEn: a.stageNameEn,
      stageSince: a.stageSince,
      daysAtStage: a.daysAtStage,
      expectedOpeningOn: a.expected.date,
      expectedSource: a.expected.source,
      overdue: a.expected.date !== null && a.expected.date < today,
      coversNewMunicipality: !covered.has(municipalityOnDay(a.row.municipality_id, lineage, today)),
    }));
    items.sort(
      (a, b) =>
        (a.expectedOpeningOn ?? '9999').localeCompare(b.expectedOpeningOn ?? '9999') ||
        a.organizationName.localeCompare(b.organizationName, 'ru'),
    );

    // Pipeline contributions: every expected opening adds a centre; the earliest expected opening in a
    // municipality without a centre today adds a covered municipality.
    const centreDates = items.flatMap((i) => (i.expectedOpeningOn ? [i.expectedOpeningOn] : []));
    const firstByMunicipality = new Map<string, string>();
    for (const i of items) {
      if (!i.coversNewMunicipality || !i.expectedOpeningOn) continue;
      const key = municipalityOnDay(i.municipality.id, lineage, today);
      const seen = firstByMunicipality.get(key);
      if (!seen || i.expectedOpeningOn < seen) firstByMunicipality.set(key, i.expectedOpeningOn);
    }
    const coverageDates = [...firstByMunicipality.values()];

    const targetRows = await plan.targets(region.id);
    const targets: DashboardTarget[] = targetRows.map((t) => {
      const centresKind = t.kind === 'active_centers';
      const actual = centresKind ? activeCenters : covered.size;
      const f = forecast({
        today,
        actual,
        target: t.target,
        pacePerMonth: centresKind ? openingsPace : coveragePace,
        pipelineDates: centresKind ? centreDates : coverageDates,
      });
      return {
        id: t.id,
        kind: t.kind,
        dueDate: t.due_date,
        target: t.target,
        note: t.note,
        actual,
        gap: Math.max(0, t.target - actual),
        met: actual >= t.target,
        status: targetStatus({ actual, target: t.target, dueDate: t.due_date, today, atPace: f.atPace }),
        forecast: f,
      };
    });

    const firstOpening = centers.reduce<string | null>(
      (min, c) => (c.opened_on && (!min || c.opened_on < min) ? c.opened_on : min),
      null,
    );
    return {
      today,
      programStart: start,
      actual: {
        activeCenters,
        coveredMunicipalities: covered.size,
        inProgressMunicipalities: municipalities.filter((m) => m.coverage === 'in_progress').length,
        municipalitiesTotal: municipalities.length,
        populationCoveredShare: knownPopulation === 0 ? null : coveredPopulation / knownPopulation,
      },
      pace: { openingsPerMonth: openingsPace, coveragePerMonth: coveragePace, windowStart },
      undatedCenters: centers.filter((c) => c.status === 'active' && c.opened_on === null).length,
      targets,
      series: monthlySeries({
        history,
        targets: targetRows,
        from: start ?? firstOpening ?? today,
        today,
      }),
      pipeline: items,
    };
  }
}
export type DashboardService = ReturnType<typeof createDashboardService>;
