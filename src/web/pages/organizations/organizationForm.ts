/**
 * The organization form's values, request bodies and the checks beyond the contract (the contract,
 * CreateOrganizationBody, checks lengths, formats and patterns).
 */
import type { TFunction } from 'i18next';
import { identifiersMatch, isValidInn, isValidOgrn } from '../../../shared/identifiers';
import type { BodyOf, ResponseOf } from '../../api/client';
import { collectErrors, type FieldErrors } from '../../components/validation';
import type { FieldMessages } from '../../forms/useContractForm';
import { isSubkind, type OrganizationKind, subkindsOf } from './vocabulary';

export type Organization = ResponseOf<'organization'>['organization'];
type CreateBody = BodyOf<'createOrganization'>;
type PatchBody = BodyOf<'updateOrganization'>;

/** Input lengths (the inputs' maxLength); the contract in src/shared/contracts/organizations.ts checks them. */
export const ORG_LIMITS = { name: 300, address: 500, phone: { min: 5, max: 40 }, email: 254, website: 300 };

export interface OrganizationValues {
  name: string;
  kind: OrganizationKind | '';
  subkind: string;
  inn: string;
  ogrn: string;
  municipalityId: string;
  address: string;
  phone: string;
  email: string;
  website: string;
}

/** Body property names, in the order of the inputs. */
export const ORGANIZATION_FIELDS = [
  'name',
  'kind',
  'subkind',
  'inn',
  'ogrn',
  'municipalityId',
  'address',
  'phone',
  'email',
  'website',
] as const satisfies readonly (keyof OrganizationValues)[];

export const EMPTY_VALUES: OrganizationValues = {
  name: '',
  kind: '',
  subkind: '',
  inn: '',
  ogrn: '',
  municipalityId: '',
  address: '',
  phone: '',
  email: '',
  website: '',
};

export function valuesOf(org: Organization): OrganizationValues {
  return {
    name: org.name,
    kind: org.kind,
    subkind: org.subkind ?? '',
    inn: org.inn ?? '',
    ogrn: org.ogrn ?? '',
    municipalityId: org.municipality.id,
    address: org.address ?? '',
    phone: org.phone ?? '',
    email: org.email ?? '',
    website: org.website ?? '',
  };
}

/** Digits only: people paste identifiers with spaces. */
export const digitsOf = (value: string): string => value.replace(/\s+/g, '');

/** The form's own words for the contract's checks (CreateOrganizationBody). */
export const organizationMessages = (t: TFunction): FieldMessages => ({
  kind: t('validation.chooseOne'),
  municipalityId: t('validation.chooseOne'),
  inn: { pattern: t('validation.innFormat') },
  ogrn: { pattern: t('validation.ogrnFormat') },
  phone: {
    minLength: t('validation.phone'),
    maxLength: t('validation.phone'),
    pattern: t('validation.phone'),
  },
});

/** What the contract cannot state: check digits, INN and OGRN of one kind, a subkind of the chosen kind. */
export function organizationChecks(t: TFunction, v: OrganizationValues): FieldErrors {
  const inn = digitsOf(v.inn);
  const ogrn = digitsOf(v.ogrn);
  const innWellFormed = /^(\d{10}|\d{12})$/.test(inn);
  const ogrnWellFormed = /^(\d{13}|\d{15})$/.test(ogrn);
  return collectErrors({
    subkind:
      v.kind && v.subkind && !(subkindsOf(v.kind) as string[]).includes(v.subkind)
        ? t('validation.subkindMismatch')
        : undefined,
    inn: innWellFormed && !isValidInn(inn) ? t('validation.innChecksum') : undefined,
    ogrn: !ogrnWellFormed
      ? undefined
      : !isValidOgrn(ogrn)
        ? t('validation.ogrnChecksum')
        : inn && isValidInn(inn) && !identifiersMatch(inn, ogrn)
          ? t('validation.ogrnInnMismatch')
          : undefined,
  });
}

/** Trimmed values; empty optional fields become null. */
function normalized(v: OrganizationValues) {
  const orNull = (s: string) => s || null;
  return {
    name: v.name.trim(),
    kind: v.kind as OrganizationKind,
    subkind: isSubkind(v.subkind) ? v.subkind : null,
    inn: orNull(digitsOf(v.inn)),
    ogrn: orNull(digitsOf(v.ogrn)),
    municipalityId: v.municipalityId,
    address: orNull(v.address.trim()),
    phone: orNull(v.phone.trim()),
    email: orNull(v.email.trim()),
    website: orNull(v.website.trim()),
  };
}

/** POST body: optional fields left empty are not sent. */
export function createBody(v: OrganizationValues): CreateBody {
  const n = normalized(v);
  const body: CreateBody = { name: n.name, kind: n.kind, municipalityId: n.municipalityId };
  for (const key of ['subkind', 'inn', 'ogrn', 'address', 'phone', 'email', 'website'] as const) {
    const value = n[key];
    if (value !== null) Object.assign(body, { [key]: value });
  }
  return body;
}

/** PATCH body: only the fields that differ from the organization as loaded (null clears a field). */
export function patchBody(v: OrganizationValues, org: Organization): Partial<PatchBody> {
  const next = normalized(v);
  const before = normalized(valuesOf(org));
  const patch: Partial<PatchBody> = {};
  for (const key of ORGANIZATION_FIELDS) {
    if (next[key] !== before[key]) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}
