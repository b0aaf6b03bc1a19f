import type { Opportunity, Series, Shift } from '../../../shared/contracts/opportunities.js';
import type { OpportunityRow, SeriesRow, ShiftsResult } from './opportunities.repo.js';

const hhmm = (t: string) => t.slice(0, 5);

export function toShiftViews({ shifts, roles }: ShiftsResult): Shift[] {
  return shifts.map((s) => ({
    id: s.id,
    startsAt: s.starts_at.toISOString(),
    endsAt: s.ends_at.toISOString(),
    capacity: s.capacity,
    taken: s.taken,
    freePlaces: Math.max(s.capacity - s.taken, 0),
    status: s.status,
    seriesId: s.series_id,
    occurrenceDate: s.occurrence_date,
    version: s.version,
    roles: roles
      .filter((r) => r.shift_id === s.id)
      .map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, taken: r.taken })),
  }));
}

export const toSeriesView = (s: SeriesRow): Series => ({
  id: s.id,
  frequency: s.frequency,
  interval: s.repeat_every,
  weekdays: s.weekdays,
  monthDay: s.month_day,
  startsOn: s.starts_on,
  until: s.until,
  startTime: hhmm(s.start_time),
  durationMinutes: s.duration_minutes,
  capacity: s.capacity,
  roles: s.roles,
  timeZone: s.time_zone,
  version: s.version,
});

export function toOpportunityView(
  o: OpportunityRow,
  shifts: ShiftsResult,
  series: SeriesRow[],
  canManage: boolean,
): Opportunity {
  return {
    id: o.id,
    center: { id: o.center_id, name: o.center_name },
    partnerOrganization:
      o.partner_organization_id && o.partner_name
        ? { id: o.partner_organization_id, name: o.partner_name }
        : null,
    title: o.title,
    description: o.description,
    category:
      o.category && o.category_ru
        ? { code: o.category, nameRu: o.category_ru, nameEn: o.category_en ?? o.category_ru }
        : null,
    projectTags: o.project_tags,
    municipality:
      o.municipality_id && o.municipality_ru
        ? { id: o.municipality_id, nameRu: o.municipality_ru, nameEn: o.municipality_en ?? o.municipality_ru }
        : null,
    address: o.address,
    lat: o.lat,
    lon: o.lon,
    isOnline: o.is_online,
    contact: o.contact,
    minAge: o.min_age,
    requiredSkills: o.required_skills,
    signupMode: o.signup_mode,
    status: o.status,
    canManage,
    shifts: toShiftViews(shifts),
    series: canManage ? series.map(toSeriesView) : [],
    isDemo: o.is_demo,
    updatedAt: o.updated_at.toISOString(),
    version: o.version,
  };
}

/** An organization offered as a partner: registry facts only (name and INN), nothing about its people. */
export const toPartnerCandidate = (o: { id: string; name: string; inn: string | null }) => ({
  id: o.id,
  name: o.name,
  inn: o.inn,
});
