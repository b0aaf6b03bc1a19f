/** The organization vocabulary for the web app: from the schema-free shared module, plus words for it. */
import type { TFunction } from 'i18next';
import {
  ALL_SUBKINDS,
  ORGANIZATION_KINDS as KINDS,
  type OrganizationKind,
  SUBKINDS,
  type Subkind,
} from '../../../shared/organization-kinds.js';

export { KINDS, type OrganizationKind, SUBKINDS, type Subkind };

/** Subkinds offered for a kind: its own vocabulary, then «other». */
export function subkindsOf(kind: OrganizationKind): Subkind[] {
  return [...SUBKINDS[kind], 'other'];
}

export function isKind(value: string): value is OrganizationKind {
  return (KINDS as readonly string[]).includes(value);
}

const SUBKIND_SET = new Set<string>(ALL_SUBKINDS);
export function isSubkind(value: string): value is Subkind {
  return SUBKIND_SET.has(value);
}

export function kindLabel(t: TFunction, kind: OrganizationKind): string {
  return t(`orgKind.${kind}`);
}

/** The subkind in words; a code the web app does not know yet is shown as it is. */
export function subkindLabel(t: TFunction, subkind: string): string {
  return isSubkind(subkind) ? t(`orgSubkind.${subkind}`) : subkind;
}
