/** The public view of the network: region, plan, coverage and centres. */
import type { Center, Municipality, PublicSummary, Region } from '../../../shared/contracts/network.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { coverageState, populationCoveredShare } from './coverage.js';
import { toCenterView, toMunicipalityView, toTargetView } from './network.presenter.js';
import type { NetworkRepo } from './network.repo.js';

/** The calendar day in the region's time zone (municipal changes take effect by local date). */
export function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function createNetworkService(deps: { repo: NetworkRepo; clock: Clock }) {
  const { repo, clock } = deps;

  async function currentRegion() {
    const region = await repo.region();
    if (!region) throw notFound('region');
    return region;
  }

  async function municipalityRows() {
    const region = await currentRegion();
    return {
      region,
      rows: await repo.municipalitiesWithCoverage(region.id, localDay(clock.now(), region.timezone)),
    };
  }

  return {
    currentRegion,

    async region(): Promise<Region> {
      const { region, rows } = await municipalityRows();
      const targets = await repo.targets(region.id);
      const activeCenters = rows.reduce((sum, m) => sum + (m.active_centers ?? 0), 0);
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
      const { rows } = await municipalityRows();
      return {
        activeCenters: rows.reduce((sum, m) => sum + (m.active_centers ?? 0), 0),
        municipalitiesTotal: rows.length,
        municipalitiesCovered: rows.filter((m) => coverageState(m) === 'covered').length,
        applicationsInProgress: rows.reduce((sum, m) => sum + (m.applications_in_progress ?? 0), 0),
        volunteers: await repo.countActiveVolunteers(),
        populationCoveredShare: populationCoveredShare(rows),
      };
    },

    async municipalities(): Promise<Municipality[]> {
      const { rows } = await municipalityRows();
      const collator = new Intl.Collator('ru');
      return rows.map(toMunicipalityView).sort((a, b) => collator.compare(a.nameRu, b.nameRu));
    },

    async centers(filter: { municipality?: string }): Promise<Center[]> {
      const region = await currentRegion();
      const rows = await repo.centers(region.id, { municipalitySlug: filter.municipality });
      const collator = new Intl.Collator('ru');
      return rows
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
