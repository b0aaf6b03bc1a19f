/**
 * The municipal-change form's values, the request body built from them (checked by its contract,
 * RecordMunicipalChangeBody) and the checks the contract cannot state.
 */
import type { TFunction } from 'i18next';
// Type-only imports with `.js`: this file is also checked with the server's settings (by its unit test).
import type {
  MunicipalChangeKind,
  RecordMunicipalChangeBody,
} from '../../../shared/contracts/municipal-changes.js';

import type { FieldErrors, FieldMessages } from '../../forms/contractErrors.js';

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

/** A number typed (a decimal comma too); what is not one stays text, for the contract to refuse. */
const num = (value: string): number => {
  const parsed = Number(value.trim().replace(',', '.'));
  return (value.trim() && Number.isFinite(parsed) ? parsed : value.trim()) as number;
};

/** The form's words for the contract's checks (RecordMunicipalChangeBody). */
export const changeMessages = (t: TFunction): FieldMessages => ({
  kind: t('validation.chooseOne'),
  predecessorIds: { minItems: t('operator.changes.predecessorsRequired') },
  'successor.existingId': t('validation.chooseOne'),
  'successor.new.slug': { pattern: t('operator.changes.slugFormat') },
  'successor.new.lat': t('operator.changes.latRange'),
  'successor.new.lon': t('operator.changes.lonRange'),
  'successor.new.population': t('operator.changes.populationFormat'),
  'successor.new.oktmo': t('operator.changes.oktmoFormat'),
});

/** What the contract cannot say: how many municipalities a kind ends, and a successor that is not one of them. */
export function changeChecks(t: TFunction, v: ChangeValues): FieldErrors {
  const e: FieldErrors = {};
  if (v.kind && SINGLE_PREDECESSOR_KINDS.includes(v.kind) && v.predecessorIds.length > 1)
    e.predecessorIds = t('operator.changes.onePredecessor');
  if (v.kind && v.kind !== 'abolition' && v.successorMode === 'existing' && v.existingId) {
    if (v.predecessorIds.includes(v.existingId))
      e['successor.existingId'] = t('operator.changes.successorIsPredecessor');
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
  if (kind && kind !== 'abolition') {
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
              population: v.population.trim() ? num(v.population) : null,
              oktmo: v.oktmo.trim() || null,
            },
          };
  }
  return body;
}
