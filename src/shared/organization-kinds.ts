/** The organization vocabulary, without schema code, so the web app can import it as it is. */
export const ORGANIZATION_KINDS = [
  'education',
  'culture',
  'youth_policy',
  'ngo',
  'business',
  'government',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Subkinds a kind may have (the operator's vocabulary; "other" is always allowed). */
export const SUBKINDS = {
  education: ['university', 'college', 'school', 'supplementary_education_centre'],
  culture: ['library', 'house_of_culture', 'museum', 'theatre'],
  youth_policy: ['youth_centre', 'volunteer_association', 'patriotic_organization'],
  ngo: ['charitable_foundation', 'public_association', 'autonomous_nonprofit'],
  business: ['company', 'entrepreneur'],
  government: ['regional_authority', 'municipal_administration', 'state_institution'],
  other: [],
} as const satisfies Record<OrganizationKind, readonly string[]>;

export type Subkind = (typeof SUBKINDS)[OrganizationKind][number] | 'other';
export const ALL_SUBKINDS = [...new Set<Subkind>([...Object.values(SUBKINDS).flat(), 'other'])];

/** Does `subkind` belong to `kind` ("other" belongs to every kind)? */
export const subkindBelongs = (kind: OrganizationKind, subkind: string) =>
  subkind === 'other' || (SUBKINDS[kind] as readonly string[]).includes(subkind);
