/** The organization form's values, client-side checks (mirroring the contract) and request bodies. */
import type { TFunction } from 'i18next';
import { identifiersMatch, isValidInn, isValidOgrn } from '../../../shared/identifiers';
import type { BodyOf, ResponseOf } from '../../api/client';
import { charCount, checkEmail, collectErrors, type FieldErrors } from '../../components/validation';
import { isSubkind, type OrganizationKind, subkindsOf } from './vocabulary';

export type Organization = ResponseOf<'organization'>['organization'];
type CreateBody = BodyOf<'createOrganization'>;
type PatchBody = BodyOf<'updateOrganization'>;

/** Lengths from src/shared/contracts/organizations.ts. */
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

const PHONE_RE = /^[0-9+()\-\s]+$/;

function checkWebsite(t: TFunction, value: string): string | undefined {
  if (charCount(value) > ORG_LIMITS.website) return t('validation.tooLong', { max: ORG_LIMITS.website });
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
  } catch {
    // Not a URL: fall through.
  }
  return t('validation.website');
}

export function checkInn(t: TFunction, value: string): string | undefined {
  if (!/^(\d{10}|\d{12})$/.test(value)) return t('validation.innFormat');
  return isValidInn(value) ? undefined : t('validation.innChecksum');
}

function checkOgrn(t: TFunction, value: string, inn: string): string | undefined {
  if (!/^(\d{13}|\d{15})$/.test(value)) return t('validation.ogrnFormat');
  if (!isValidOgrn(value)) return t('validation.ogrnChecksum');
  if (inn && isValidInn(inn) && !identifiersMatch(inn, value)) return t('validation.ogrnInnMismatch');
  return undefined;
}

/** Client-side checks; an empty result means the form may be sent. */
export function checkOrganization(t: TFunction, v: OrganizationValues): FieldErrors {
  const name = v.name.trim();
  const inn = digitsOf(v.inn);
  const ogrn = digitsOf(v.ogrn);
  const address = v.address.trim();
  const phone = v.phone.trim();
  const email = v.email.trim();
  const website = v.website.trim();
  return collectErrors({
    name: !name
      ? t('validation.required')
      : charCount(name) > ORG_LIMITS.name
        ? t('validation.tooLong', { max: ORG_LIMITS.name })
        : undefined,
    kind: v.kind ? undefined : t('validation.chooseOne'),
    subkind:
      v.kind && v.subkind && !(subkindsOf(v.kind) as string[]).includes(v.subkind)
        ? t('validation.subkindMismatch')
        : undefined,
    inn: inn ? checkInn(t, inn) : undefined,
    ogrn: ogrn ? checkOgrn(t, ogrn, inn) : undefined,
    municipalityId: v.municipalityId ? undefined : t('validation.chooseOne'),
    address:
      charCount(address) > ORG_LIMITS.address
        ? t('validation.tooLong', { max: ORG_LIMITS.address })
        : undefined,
    phone:
      phone &&
      (!PHONE_RE.test(phone) ||
        charCount(phone) < ORG_LIMITS.phone.min ||
        charCount(phone) > ORG_LIMITS.phone.max)
        ? t('validation.phone')
        : undefined,
    email: email ? checkEmail(t, email) : undefined,
    website: website ? checkWebsite(t, website) : undefined,
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
