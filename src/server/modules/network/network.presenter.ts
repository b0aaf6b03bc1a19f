import type { Center, Municipality, PlanTarget } from '../../../shared/contracts/network.js';
import { coverageState } from '../../lib/coverage.js';
import type { NetworkRepo } from './network.repo.js';

/** A municipality in force on a day, with the counts carried to it through the lineage. */
export type MunicipalityRow = Awaited<ReturnType<NetworkRepo['municipalitiesInForce']>>[number] & {
  active_centers: number;
  applications_in_progress: number;
};
type CenterRow = Awaited<ReturnType<NetworkRepo['centers']>>[number];
type TargetRow = Awaited<ReturnType<NetworkRepo['targets']>>[number];

export const toMunicipalityView = (m: MunicipalityRow): Municipality => ({
  id: m.id,
  slug: m.slug,
  nameRu: m.name_ru,
  nameEn: m.name_en,
  kind: m.kind,
  adminCenterRu: m.admin_center_ru,
  lat: m.lat,
  lon: m.lon,
  population: m.population,
  coverage: coverageState(m),
  activeCenters: m.active_centers,
  applicationsInProgress: m.applications_in_progress,
});

export const toCenterView = (c: CenterRow): Center => ({
  id: c.id,
  name: c.name,
  organizationName: c.organization_name,
  organizationIsPlaceholder: c.organization_is_placeholder,
  municipality: { id: c.municipality_id, nameRu: c.municipality_name_ru, nameEn: c.municipality_name_en },
  status: c.status,
  address: c.address,
  lat: c.lat,
  lon: c.lon,
  openedOn: c.opened_on,
  isDemo: c.is_demo,
  services: c.services,
  openingHours: c.opening_hours,
  phone: c.phone,
  email: c.email,
  website: c.website,
  description: c.description,
  version: c.version,
});

export const toTargetView = (t: TargetRow, actual: number): PlanTarget => ({
  id: t.id,
  kind: t.kind,
  dueDate: t.due_date,
  target: t.target,
  actual,
  met: actual >= t.target,
  note: t.note,
});
