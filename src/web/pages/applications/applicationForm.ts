/** The application form's values, client-side checks and the request bodies built from them. */
import type { TFunction } from 'i18next';
// Type-only imports with `.js`: this file is also checked with the server's settings (by its unit test).
import type {
  Application,
  CreateApplicationBody,
  UpdateApplicationBody,
} from '../../../shared/contracts/applications.js';

type FieldErrors = Partial<Record<string, string>>;

export interface CoordinatorValues {
  key: number;
  name: string;
  email: string;
  phone: string;
}

export interface ApplicationValues {
  organizationId: string;
  municipalityId: string;
  proposedName: string;
  address: string;
  premisesDescription: string;
  services: string[];
  headName: string;
  headPosition: string;
  headPhone: string;
  headEmail: string;
  coordinators: CoordinatorValues[];
}

let nextKey = 1;
export const newCoordinator = (): CoordinatorValues => ({ key: nextKey++, name: '', email: '', phone: '' });

export const EMPTY_APPLICATION: ApplicationValues = {
  organizationId: '',
  municipalityId: '',
  proposedName: '',
  address: '',
  premisesDescription: '',
  services: [],
  headName: '',
  headPosition: '',
  headPhone: '',
  headEmail: '',
  coordinators: [],
};

export function valuesOf(a: Application): ApplicationValues {
  return {
    organizationId: a.organization.id,
    municipalityId: a.municipality.id,
    proposedName: a.proposedName ?? '',
    address: a.premises.address ?? '',
    premisesDescription: a.premises.description ?? '',
    services: [...a.services],
    headName: a.head.name ?? '',
    headPosition: a.head.position ?? '',
    headPhone: a.head.phone ?? '',
    headEmail: a.head.email ?? '',
    coordinators: a.coordinators.map((c) => ({
      key: nextKey++,
      name: c.name,
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
  };
}

/** Server field names (after `/a/b` → `a.b`) that the form shows beside its inputs. */
export const APPLICATION_FIELDS = [
  'organizationId',
  'municipalityId',
  'proposedName',
  'premises.address',
  'premises.description',
  'services',
  'head.name',
  'head.position',
  'head.phone',
  'head.email',
];

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^[0-9+()\-\s]{5,40}$/;

export function checkApplication(t: TFunction, v: ApplicationValues, creating: boolean): FieldErrors {
  const e: FieldErrors = {};
  if (creating && !v.organizationId) e.organizationId = t('validation.chooseOne');
  if (!v.municipalityId) e.municipalityId = t('validation.chooseOne');
  if (v.headEmail.trim() && !EMAIL_RE.test(v.headEmail.trim())) e['head.email'] = t('validation.email');
  if (v.headPhone.trim() && !PHONE_RE.test(v.headPhone.trim())) e['head.phone'] = t('validation.phone');
  v.coordinators.forEach((c, i) => {
    const filled = c.name.trim() || c.email.trim() || c.phone.trim();
    if (filled && !c.name.trim()) e[`coordinators.${i}.name`] = t('validation.required');
    if (c.email.trim() && !EMAIL_RE.test(c.email.trim()))
      e[`coordinators.${i}.email`] = t('validation.email');
    if (c.phone.trim() && !PHONE_RE.test(c.phone.trim()))
      e[`coordinators.${i}.phone`] = t('validation.phone');
  });
  return e;
}

const orNull = (s: string): string | null => s.trim() || null;

export function updateBody(v: ApplicationValues): UpdateApplicationBody {
  return {
    municipalityId: v.municipalityId,
    proposedName: orNull(v.proposedName),
    premises: { address: orNull(v.address), description: orNull(v.premisesDescription) },
    services: v.services,
    head: {
      name: orNull(v.headName),
      position: orNull(v.headPosition),
      phone: orNull(v.headPhone),
      email: orNull(v.headEmail),
    },
    coordinators: v.coordinators
      .filter((c) => c.name.trim())
      .map((c) => ({ name: c.name.trim(), email: orNull(c.email), phone: orNull(c.phone) })),
  };
}

export function createBody(v: ApplicationValues): CreateApplicationBody {
  return { ...updateBody(v), organizationId: v.organizationId, municipalityId: v.municipalityId };
}
