/**
 * The application form's values, the request bodies built from them, and how the contract's field paths
 * (head.email, coordinators.0.name) find the form's fields.
 */
import type { TFunction } from 'i18next';
// Type-only imports with `.js`: this file is also checked with the server's settings (by its unit test).
import type {
  Application,
  CreateApplicationBody,
  UpdateApplicationBody,
} from '../../../shared/contracts/applications.js';

import type { FieldMessages } from '../../forms/contractErrors.js';

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

/** The form's own words for the contract's checks (CreateApplicationBody / UpdateApplicationBody). */
export const applicationMessages = (t: TFunction): FieldMessages => ({
  organizationId: t('validation.chooseOne'),
  municipalityId: t('validation.chooseOne'),
  'head.phone': t('validation.phone'),
  'coordinators.*.phone': t('validation.phone'),
});

/** Body paths of the head and premises → the form's fields. */
const FIELD_OF_BODY: Record<string, keyof ApplicationValues> = {
  'premises.address': 'address',
  'premises.description': 'premisesDescription',
  'head.name': 'headName',
  'head.position': 'headPosition',
  'head.phone': 'headPhone',
  'head.email': 'headEmail',
};

const isFilled = (c: CoordinatorValues) => Boolean(c.name.trim() || c.email.trim() || c.phone.trim());

/**
 * A body path's form field. The body leaves out coordinator rows left empty, so its n-th coordinator is
 * the form's n-th filled row.
 */
export function applicationFieldOf(path: string, v: ApplicationValues): string {
  const row = /^coordinators\.(\d+)(\..*)?$/.exec(path);
  if (row) {
    const filled = v.coordinators.flatMap((c, i) => (isFilled(c) ? [i] : []));
    return `coordinators.${filled[Number(row[1])] ?? row[1]}${row[2] ?? ''}`;
  }
  return FIELD_OF_BODY[path] ?? path;
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
    // A row with an email or a phone but no name is sent too: the contract asks for its name.
    coordinators: v.coordinators
      .filter(isFilled)
      .map((c) => ({ name: c.name.trim(), email: orNull(c.email), phone: orNull(c.phone) })),
  };
}

export function createBody(v: ApplicationValues): CreateApplicationBody {
  return { ...updateBody(v), organizationId: v.organizationId, municipalityId: v.municipalityId };
}
