/** The municipal-change form's values, client-side checks and the request body built from them. */
import type { TFunction } from 'i18next';
// Type-only imports with `.js`: this file is also checked with the server's settings (by its unit test).
import type {
  MunicipalChangeKind,
  RecordMunicipalChangeBody,
} from '../../../shared/contracts/municipal-changes.js';

type FieldErrors = Partial<Record<string, string>>;

// Copied from the contract (type-checked against it) so that no schema code lands in the web bundle.
export const CHANGE_KINDS = [
  'conversion',
  'merger',
  'split',
  'rename',
  'abolition',
] as const satisfies readonly MunicipalChangeKind[];
/** Kinds that end exactly one municipality. */
export const SINGLE_PREDECESSOR_KINDS: readonly MunicipalChangeKind[] = ['conversion', 'rename'];
export const MUNICIPALITY_KINDS = ['urban_okrug', 'municipal_okrug', 'municipal_district'] as const;
type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export interface ChangeValues {
  kind: MunicipalChangeKind | '';
  effectiveOn: string;
  legalBasis: string;
  comment: string;
  predecessorIds: string[];
  successorMode: 'existing' | 'new';
  existingId: string;
  slug: string;
  nameRu: string;
  nameEn: string;
  municipalityKind: MunicipalityKind;
  adminCenterRu: string;
  lat: string;
  lon: string;
  population: string;
  oktmo: string;
}

export const EMPTY_CHANGE: ChangeValues = {
  kind: '',
  effectiveOn: '',
  legalBasis: '',
  comment: '',
  predecessorIds: [],
  successorMode: 'existing',
  existingId: '',
  slug: '',
  nameRu: '',
  nameEn: '',
  municipalityKind: 'municipal_okrug',
  adminCenterRu: '',
  lat: '',
  lon: '',
  population: '',
  oktmo: '',
};

/** Server field names (after `/a/b` → `a.b`) that the form shows beside its inputs. */
export const CHANGE_FIELDS = [
  'kind',
  'effectiveOn',
  'legalBasis',
  'comment',
  'predecessorIds',
  'successor',
  'successor.existingId',
  ...['slug', 'nameRu', 'nameEn', 'kind', 'adminCenterRu', 'lat', 'lon', 'population', 'oktmo'].map(
    (f) => `successor.new.${f}`,
  ),
];

export const isChangeKind = (value: string): value is MunicipalChangeKind =>
  (CHANGE_KINDS as readonly string[]).includes(value);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const num = (value: string): number => Number(value.trim().replace(',', '.'));

export function checkChange(t: TFunction, v: ChangeValues): FieldErrors {
  const e: FieldErrors = {};
  const required = t('validation.required');
  if (!v.kind) e.kind = t('validation.chooseOne');
  if (!DATE_RE.test(v.effectiveOn)) e.effectiveOn = required;
  if (v.predecessorIds.length === 0) e.predecessorIds = t('operator.changes.predecessorsRequired');
  else if (v.kind && SINGLE_PREDECESSOR_KINDS.includes(v.kind) && v.predecessorIds.length !== 1)
    e.predecessorIds = t('operator.changes.onePredecessor');
  if (v.kind && v.kind !== 'abolition') {
    if (v.successorMode === 'existing') {
      if (!v.existingId) e['successor.existingId'] = t('validation.chooseOne');
      else if (v.predecessorIds.includes(v.existingId))
        e['successor.existingId'] = t('operator.changes.successorIsPredecessor');
    } else {
      if (!SLUG_RE.test(v.slug.trim())) e['successor.new.slug'] = t('operator.changes.slugFormat');
      for (const f of ['nameRu', 'nameEn', 'adminCenterRu'] as const)
        if (!v[f].trim()) e[`successor.new.${f}`] = required;
      const lat = num(v.lat);
      const lon = num(v.lon);
      if (!v.lat.trim() || !Number.isFinite(lat) || lat < -90 || lat > 90)
        e['successor.new.lat'] = t('operator.changes.latRange');
      if (!v.lon.trim() || !Number.isFinite(lon) || lon < -180 || lon > 180)
        e['successor.new.lon'] = t('operator.changes.lonRange');
      if (v.population.trim() && !/^\d+$/.test(v.population.trim()))
        e['successor.new.population'] = t('operator.changes.populationFormat');
      if (v.oktmo.trim() && !/^\d{8}(\d{3})?$/.test(v.oktmo.trim()))
        e['successor.new.oktmo'] = t('operator.changes.oktmoFormat');
    }
  }
  return e;
}

export function changeBody(v: ChangeValues): RecordMunicipalChangeBody {
  const kind = v.kind as MunicipalChangeKind;
  const body: RecordMunicipalChangeBody = {
    kind,
    effectiveOn: v.effectiveOn,
    predecessorIds: v.predecessorIds,
  };
  if (v.legalBasis.trim()) body.legalBasis = v.legalBasis.trim();
  if (v.comment.trim()) body.comment = v.comment.trim();
  if (kind !== 'abolition') {
    body.successor =
      v.successorMode === 'existing'
        ? { existingId: v.existingId }
        : {
            new: {
              slug: v.slug.trim(),
              nameRu: v.nameRu.trim(),
              nameEn: v.nameEn.trim(),
              kind: v.municipalityKind,
              adminCenterRu: v.adminCenterRu.trim(),
              lat: num(v.lat),
              lon: num(v.lon),
              population: v.population.trim() ? Number(v.population.trim()) : null,
              oktmo: v.oktmo.trim() || null,
            },
          };
  }
  return body;
}
