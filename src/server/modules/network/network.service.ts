/** The public view of the network: region, plan, coverage and centres. */
import type {
  Center,
  Municipality,
  MunicipalityShape,
  PublicSummary,
  Region,
} from '../../../shared/contracts/network.js';
import { localDay } from '../../../shared/time-zone.js';
import {
  countsOnDay,
  coverageState,
  indexLineage,
  municipalityOnDay,
  populationCoveredShare,
} from '../../lib/coverage.js';
import { activeOn, activePeriods, stageOn } from '../../lib/network-history.js';
import { createVersionedMemo } from '../../lib/versioned-memo.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { toCenterView, toMunicipalityView, toTargetView } from './network.presenter.js';
import { isStageInProgress, type NetworkRepo } from './network.repo.js';
import { resolveShapes } from './shapes.js';

/** The zone used before any region is loaded. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/**
 * Centres active and applications in progress on `day`, per municipality they are registered in, from the
 * recorded history (opening dates, status changes, stage transitions) — so a past day keeps its figures.
 * A centre without an opening date counts from the programme's start, as on the operator's dashboard.
 */
function countsOn(
  day: string,
  region: { program_since: number | null },
  centers: Awaited<ReturnType<NetworkRepo['centerLives']>>,
  applications: Awaited<ReturnType<NetworkRepo['applicationLives']>>,
) {
  const undatedFrom = region.program_since ? `${region.program_since}-01-01` : '0001-01-01';
  const counts = new Map<string, { active_centers: number; applications_in_progress: number }>();
  const at = (id: string) => {
    let c = counts.get(id);
    if (!c) {
      c = { active_centers: 0, applications_in_progress: 0 };
      counts.set(id, c);
    }
    return c;
  };
  for (const c of centers) {
    const life = {
      municipalityId: c.municipality_id,
      openedOn: c.opened_on,
      status: c.status,
      changes: c.changes,
    };
    if (activeOn(activePeriods(life, undatedFrom), day)) at(c.municipality_id).active_centers += 1;
  }
  for (const a of applications) {
    const stage = stageOn({ stage: a.stage, stageSince: a.stage_since, transitions: a.transitions }, day);
    if (stage !== null && isStageInProgress(stage)) at(a.municipality_id).applications_in_progress += 1;
  }
  return [...counts].map(([municipality_id, c]) => ({ municipality_id, ...c }));
}

type InForce = Awaited<ReturnType<NetworkRepo['municipalitiesInForce']>>[number];
type MunicipalityRow = ReturnType<typeof countsOnDay<InForce>>[number];
type Places = {
  inForce: Map<string, InForce>;
  lineage: ReturnType<typeof indexLineage>;
};

export function createNetworkService(deps: { repo: NetworkRepo; clock: Clock }) {
  const { repo, clock } = deps;

  async function currentRegion() {
    const region = await repo.region();
    if (!region) throw notFound('region');
    return region;
  }

  // Answers computed from the network's history, kept under its version (ADR 0020).
  const rowsMemo = createVersionedMemo<MunicipalityRow[]>();
  const viewsMemo = createVersionedMemo<Municipality[]>();
  const placesMemo = createVersionedMemo<Places>();
  const shapesMemo = createVersionedMemo<MunicipalityShape[]>(2);
  const summaryMemo = createVersionedMemo<Omit<PublicSummary, 'volunteers'>>();
  /**
   * Municipalities in force on `day` (default: today in the region) with coverage on that day: centres and
   * applications count for the municipality their own one had become by then through the lineage.
   */
  async function municipalityRows(day?: string) {
    const region = await currentRegion();
    const on = day ?? localDay(clock.now(), region.timezone);
    const rows = await rowsMemo.get(region.history_version, on, async () => {
      const [inForce, centers, applications, lineage] = await Promise.all([
        repo.municipalitiesInForce(region.id, on),
        repo.centerLives(region.id),
        repo.applicationLives(region.id),
        repo.lineageUpTo(region.id, on),
      ]);
      return countsOnDay(inForce, countsOn(on, region, centers, applications), lineage, on);
    });
    return { region, on, rows };
  }

  /** The municipalities in force on `day` by id and the lineage up to it, indexed (for the centre list). */
  async function placesOn(region: Awaited<ReturnType<typeof currentRegion>>, day: string) {
    return placesMemo.get(region.history_version, day, async () => {
      const [inForce, lineage] = await Promise.all([
        repo.municipalitiesInForce(region.id, day),
        repo.lineageUpTo(region.id, day),
      ]);
      return { inForce: new Map(inForce.map((m) => [m.id, m])), lineage: indexLineage(lineage) };
    });
  }

  return {
    currentRegion,

    /** The region's time zone ("today", shift times); Moscow time until a region is loaded. */
    async timeZone(): Promise<string> {
      return (await repo.region())?.timezone ?? DEFAULT_TIME_ZONE;
    },

    /** One centre in any status, with its context (for modules that decide about centres). */
    findCenter: (id: string) => repo.center(id),

    async region(): Promise<Region> {
      const { region, rows } = await municipalityRows();
      const targets = await repo.targets(region.id);
      const activeCenters = rows.reduce((sum, m) => sum + m.active_centers, 0);
      const covered = rows.filter((m) => coverageState(m) === 'covered').length;
      return {
        slug: region.slug,
        nameRu: region.name_ru,
        nameEn: region.name_en,
        timezone: region.timezone,
        programSince: region.program_since,
        plan: targets.map((t) => toTargetView(t, t.kind === 'active_centers' ? activeCenters : covered)),
      };
    },

    async summary(): Promise<PublicSummary> {
      const { region, on, rows } = await municipalityRows();
      // the sums over every municipality (2,300 at nation scale) once per version and day
      const network = await summaryMemo.get(region.history_version, on, async () => ({
        activeCenters: rows.reduce((sum, m) => sum + m.active_centers, 0),
        municipalitiesTotal: rows.length,
        municipalitiesCovered: rows.filter((m) => coverageState(m) === 'covered').length,
        applicationsInProgress: rows.reduce((sum, m) => sum + m.applications_in_progress, 0),
        populationCoveredShare: populationCoveredShare(rows),
      }));
      return { ...network, volunteers: Number(region.active_volunteers ?? 0) };
    },

    /** Municipalities with coverage on `on` (default today), by name. The answer is shared: do not change it. */
    async municipalities(on?: string): Promise<Municipality[]> {
      const { region, on: day, rows } = await municipalityRows(on);
      return viewsMemo.get(region.history_version, day, async () => {
        const collator = new Intl.Collator('ru');
        return rows.map(toMunicipalityView).sort((a, b) => collator.compare(a.nameRu, b.nameRu));
      });
    },

    /** The shape of every municipality record (any period), own or derived through the lineage. */
    async shapes(): Promise<MunicipalityShape[]> {
      const region = await currentRegion();
      return shapesMemo.get(region.history_version, 'all', async () => {
        const [rows, lineage] = await Promise.all([
          repo.shapes(region.id),
          repo.lineageUpTo(region.id, '9999-12-31'),
        ]);
        return resolveShapes(rows, lineage);
      });
    },

    async serviceKinds() {
      return (await repo.serviceKinds()).map((k) => ({ code: k.code, nameRu: k.name_ru, nameEn: k.name_en }));
    },

    async centers(filter: { municipality?: string; service?: string; q?: string }): Promise<Center[]> {
      const region = await currentRegion();
      const today = localDay(clock.now(), region.timezone);
      const { inForce, lineage } = await placesOn(region, today);
      // A centre is shown under the municipality it counts for today (its own one after a merger or a
      // conversion has become the successor); `municipality` matches that one or the registered one. The
      // database is asked for the centres registered in it or in what became it (and under its slug).
      const slug = filter.municipality;
      let within: { ids: string[]; slug: string } | undefined;
      if (slug) {
        const targets = new Set([...inForce.values()].filter((m) => m.slug === slug).map((m) => m.id));
        const ids = [...targets];
        for (const predecessor of lineage.keys())
          if (targets.has(municipalityOnDay(predecessor, lineage, today))) ids.push(predecessor);
        within = { ids, slug };
      }
      const found = await repo.centers(region.id, {
        service: filter.service,
        q: filter.q,
        municipality: within,
      });
      const rows = found.map((c) => {
        const m = inForce.get(municipalityOnDay(c.municipality_id, lineage, today));
        const now = m
          ? {
              municipality_id: m.id,
              municipality_slug: m.slug,
              municipality_name_ru: m.name_ru,
              municipality_name_en: m.name_en,
            }
          : {};
        return { ...c, ...now, registered_slug: c.municipality_slug };
      });
      const collator = new Intl.Collator('ru');
      return rows
        .filter((c) => !slug || c.municipality_slug === slug || c.registered_slug === slug)
        .map(toCenterView)
        .sort(
          (a, b) =>
            collator.compare(a.municipality.nameRu, b.municipality.nameRu) ||
            collator.compare(a.name, b.name),
        );
    },
  };
}
export type NetworkService = ReturnType<typeof createNetworkService>;
